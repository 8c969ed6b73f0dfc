/**
 * Name prefixes of the SSM documents that AWS owns and shares with every account (owner "Amazon").
 * Their ARNs have an empty account field: arn:aws:ssm:us-east-2::document/AWS-RunShellScript.
 *
 * Source: the prefixes AWS itself grants with an empty account field in its managed policies
 * (AWSElasticDisasterRecoveryLaunchActionsPolicy lists all but AWSLicenseManager-, which
 * AWSLicenseManagerServiceRolePolicy adds).
 * Customers cannot create documents whose names start with "aws", "amazon" or "amzn" (CreateDocument reserves
 * them), but AWS services create some reserved-prefix documents inside the customer's own account (Quick Setup's
 * `AWSQuickSetup-…`), so only prefixes of documents AWS owns are listed.
 */
export const AWS_OWNED_DOCUMENT_PREFIXES: readonly string[] = [
  'AWS-',
  'AWSCodeDeployAgent-',
  'AWSConfigRemediation-',
  'AWSConformancePacks-',
  'AWSDisasterRecovery-',
  'AWSDistroOTel-',
  'AWSDocs-',
  'AWSDRS-',
  'AWSEC2-',
  'AWSEC2Launch-',
  'AWSFIS-',
  'AWSFleetManager-',
  'AWSIncidents-',
  'AWSKinesisTap-',
  'AWSLicenseManager-',
  'AWSMigration-',
  'AWSNVMe-',
  'AWSNitroEnclavesWindows-',
  'AWSObservabilityExporter-',
  'AWSPVDriver-',
  'AWSQuickSetupType-',
  'AWSQuickStarts-',
  'AWSRefactorSpaces-',
  'AWSResilienceHub-',
  'AWSSAP-',
  'AWSSAPTools-',
  'AWSSQLServer-',
  'AWSSSO-',
  'AWSSupport-',
  'AWSSystemsManagerSAP-',
  'AmazonCloudWatch-',
  'AmazonCloudWatchAgent-',
  'AmazonECS-',
  'AmazonEFSUtils-',
  'AmazonEKS-',
  'AmazonInspector-',
  'AmazonInspector2-',
  'AmazonInternal-',
  'AwsEnaNetworkDriver-',
  'AwsVssComponents-',
];

/**
 * The AWS-owned prefix a document name (or name pattern such as `AWS-*`) starts with, if any.
 * Document names are case-sensitive, so the prefix must match exactly; a pattern whose literal
 * start is shorter than every prefix (`AWS*`, `*`) could name customer documents and gives undefined.
 */
export function awsOwnedDocumentPrefix(name: string): string | undefined {
  return AWS_OWNED_DOCUMENT_PREFIXES.find((prefix) => name.startsWith(prefix));
}
