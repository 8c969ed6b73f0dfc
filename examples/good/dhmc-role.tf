# The role Default Host Management Configuration passes to the instances of a Region.
resource "aws_iam_role" "dhmc" {
  name = "AWSSystemsManagerDefaultEC2InstanceManagementRole"
  path = "/service-role/"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ssm.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "dhmc" {
  role       = aws_iam_role.dhmc.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedEC2InstanceDefaultPolicy"
}
