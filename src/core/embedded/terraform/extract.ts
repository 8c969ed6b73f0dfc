import type { Node, Tree } from 'web-tree-sitter';
import { parseArn } from '../../policy/arn';
import type { PolicyKind } from '../../policy/types';
import {
  closestServiceSettingId,
  serviceSettingById,
  serviceSettingIdFromResource,
  serviceSettingNamespace,
  serviceSettingsIn,
} from '../../ssm/service-settings';
import { hasWildcard } from '../../util/wildcard';
import type { EmbeddedPolicy, ExtractedTemplate, TemplateFinding, TemplateValue } from '../types';
import { readBody, type HclAttribute, type HclBlock } from './hcl';
import { jsonFromTemplate } from './json-template';
import { convertPolicyDocument } from './policy-document';
import { coreOf, hclValue, shortText, spanOf, templatePieces, unknown, type ValueContext } from './values';

/** Where policies sit: resource type → the attributes holding one, and their kind. */
const POLICY_ATTRIBUTES: Record<string, { attribute: string; kind: PolicyKind }[]> = {
  aws_iam_role: [{ attribute: 'assume_role_policy', kind: 'trust' }],
  aws_iam_role_policy: [{ attribute: 'policy', kind: 'identity' }],
  aws_iam_policy: [{ attribute: 'policy', kind: 'identity' }],
  aws_iam_user_policy: [{ attribute: 'policy', kind: 'identity' }],
  aws_iam_group_policy: [{ attribute: 'policy', kind: 'identity' }],
  aws_organizations_policy: [{ attribute: 'content', kind: 'scp' }],
  aws_s3_bucket_policy: [{ attribute: 'policy', kind: 'resource' }],
  aws_sqs_queue_policy: [{ attribute: 'policy', kind: 'resource' }],
  aws_sns_topic_policy: [{ attribute: 'policy', kind: 'resource' }],
  aws_kms_key: [{ attribute: 'policy', kind: 'resource' }],
};

const DOCUMENT_TYPE = 'aws_iam_policy_document';
const DOCUMENT_REFERENCE = /^data\.aws_iam_policy_document\.([\w-]+)\.(?:json|minified_json)$/;

interface Site {
  attribute: HclAttribute;
  kind: PolicyKind;
  location: string;
  resource: string;
}

/** Extracts the policies of a parsed Terraform file. */
export function extractFromTree(tree: Tree, text: string): ExtractedTemplate {
  const findings: TemplateFinding[] = [];
  const policies: EmbeddedPolicy[] = [];
  const root = tree.rootNode;
  if (root.hasError) reportErrors(root, text, findings);
  const ctx: ValueContext = { text, findings };
  const body = root.namedChildren.find((c) => c.type === 'body');
  const { blocks } = readBody(body);

  // First pass: every policy site and which documents they refer to.
  const documents = new Map<string, HclBlock>();
  for (const b of blocks) if (b.type === 'data' && b.labels[0] === DOCUMENT_TYPE && b.labels[1] && !documents.has(b.labels[1])) documents.set(b.labels[1], b);
  const sitesByBlock = new Map<HclBlock, Site[]>();
  const documentKinds = new Map<string, PolicyKind>();
  for (const b of blocks) {
    if (b.type !== 'resource' || b.labels.length < 2) continue;
    const sites = sitesOf(b, ctx);
    sitesByBlock.set(b, sites);
    for (const s of sites) {
      const name = documentReference(s.attribute.expression, text);
      if (name !== undefined && documents.has(name) && !documentKinds.has(name)) documentKinds.set(name, s.kind);
    }
  }

  // Second pass, in file order.
  for (const b of blocks) {
    if (b.type === 'resource' && b.labels[0] === 'aws_ssm_service_setting') checkServiceSetting(b, ctx);
    for (const site of sitesByBlock.get(b) ?? []) {
      if (site.attribute.node.hasError) continue;
      const name = documentReference(site.attribute.expression, text);
      if (name !== undefined && documents.has(name)) continue;
      ctx.tooDeepAt = undefined;
      const read = policyValue(site.attribute.expression, ctx);
      if (!read.value) continue;
      policies.push({
        kind: site.kind,
        value: read.value,
        location: site.location,
        resource: site.resource,
        ...(read.verbatim !== undefined ? { verbatim: read.verbatim } : {}),
      });
    }
    if (b.type === 'data' && b.labels[0] === DOCUMENT_TYPE && b.labels[1] && documents.get(b.labels[1]) === b && !b.node.hasError) {
      ctx.tooDeepAt = undefined;
      const doc = convertPolicyDocument(b, ctx);
      const address = `data.${DOCUMENT_TYPE}.${b.labels[1]}`;
      policies.push({
        kind: documentKinds.get(b.labels[1]) ?? (doc.hasPrincipals ? 'trust' : 'identity'),
        value: doc.value,
        location: doc.merges.length ? `${address} (merged with ${doc.merges.join(' and ')}, not checked here)` : address,
        resource: address,
      });
    }
  }
  return { format: 'terraform', policies, findings };
}

function sitesOf(b: HclBlock, ctx: ValueContext): Site[] {
  const [type, name] = b.labels as [string, string];
  const address = `${type}.${name}`;
  const sites: Site[] = [];
  for (const { attribute, kind } of POLICY_ATTRIBUTES[type] ?? []) {
    const a = b.attributes.get(attribute);
    if (!a) continue;
    if (type === 'aws_organizations_policy' && !isServiceControlPolicy(b, ctx)) continue;
    sites.push({ attribute: a, kind, location: `${address}.${attribute}`, resource: address });
  }
  if (type === 'aws_iam_role') {
    const inline = b.blocks.filter((x) => x.type === 'inline_policy');
    inline.forEach((x, i) => {
      const a = x.attributes.get('policy');
      if (a) sites.push({ attribute: a, kind: 'identity', location: `${address}.inline_policy${inline.length > 1 ? `[${i}]` : ''}.policy`, resource: address });
    });
  }
  return sites;
}

/** `type` absent or `"SERVICE_CONTROL_POLICY"`; any other type (or one unknown offline) is not an SCP. */
function isServiceControlPolicy(b: HclBlock, ctx: ValueContext): boolean {
  const t = b.attributes.get('type');
  if (!t) return true;
  const v = hclValue(t.expression, ctx);
  return v.type === 'string' && v.value === 'SERVICE_CONTROL_POLICY';
}

/** The name of the policy document an expression is (`data.aws_iam_policy_document.x.json`, or `"${…}"` of it). */
function documentReference(expression: Node, text: string): string | undefined {
  const unwrapped = singleInterpolation(expression, text) ?? expression;
  return DOCUMENT_REFERENCE.exec(unwrapped.text.replace(/\s+/g, ''))?.[1];
}

/** The expression of a string that is exactly one `${…}` (the Terraform 0.11 style), else undefined. */
function singleInterpolation(expression: Node, text: string): Node | undefined {
  const core = coreOf(expression);
  if (core.type !== 'quoted_template') return undefined;
  const { pieces } = templatePieces(core, text);
  const only = pieces.length === 1 ? pieces[0] : undefined;
  if (only?.kind !== 'interpolation') return undefined;
  return only.node.namedChildren.find((c) => c.type === 'expression') ?? undefined;
}

/** A policy attribute's value: `jsonencode(…)`, JSON in a heredoc or string, or unknown. */
function policyValue(expression: Node, ctx: ValueContext): { value?: TemplateValue; verbatim?: string } {
  const single = singleInterpolation(expression, ctx.text);
  if (single) return { value: unknown(expression, 'opaque') };
  const core = coreOf(expression);
  if (core.type === 'function_call') {
    const name = core.namedChildren.find((c) => c.type === 'identifier')?.text;
    const args = core.namedChildren.find((c) => c.type === 'function_arguments')?.namedChildren.filter((c) => c.type === 'expression') ?? [];
    if (name === 'jsonencode' && args.length === 1 && args[0]) return { value: hclValue(args[0], ctx) };
    return { value: unknown(expression) };
  }
  if (core.type === 'string_lit' || core.type === 'quoted_template' || core.type === 'heredoc_template') {
    const { pieces, heredoc } = templatePieces(core, ctx.text);
    const r = jsonFromTemplate(pieces, heredoc, spanOf(core), ctx.text);
    ctx.findings.push(...r.findings);
    return { ...(r.value ? { value: r.value } : {}), ...(r.verbatim !== undefined ? { verbatim: r.verbatim } : {}) };
  }
  return { value: unknown(expression) };
}

/** Every outermost ERROR or MISSING node, walked without recursion and only where an error is. */
function reportErrors(root: Node, text: string, findings: TemplateFinding[]): void {
  const cursor = root.walk();
  try {
    for (;;) {
      const n = cursor.currentNode;
      if (n.isError || n.isMissing) {
        const near = shortText(text.slice(n.startIndex, n.endIndex).split('\n')[0] ?? '', 30);
        findings.push({ ruleId: 'template-syntax', messageId: 'hclError', data: { detail: near ? ` near "${near}"` : '' }, span: spanOf(n) });
      } else if (n.hasError && cursor.gotoFirstChild()) {
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** `aws_ssm_service_setting`: a `setting_id` written out must name a real service setting. */
function checkServiceSetting(b: HclBlock, ctx: ValueContext): void {
  const a = b.attributes.get('setting_id');
  if (!a || a.node.hasError) return;
  const v = hclValue(a.expression, ctx);
  let literal: string;
  if (v.type === 'string') literal = v.value;
  else if (v.type === 'template') {
    const last = v.parts[v.parts.length - 1];
    if (typeof last !== 'string' || !last.includes('servicesetting/')) return;
    literal = last;
  } else return;

  let id: string | undefined;
  if (v.type === 'string' && !literal.startsWith('arn:')) id = literal;
  else {
    const arn = v.type === 'string' ? parseArn(literal) : undefined;
    if (v.type === 'string' && (!arn || arn.service !== 'ssm')) return;
    const resource = arn ? arn.resource : literal.slice(literal.indexOf('servicesetting/'));
    id = serviceSettingIdFromResource(resource);
  }
  if (id === undefined || id === '' || serviceSettingById(id) || hasWildcard(id)) return;

  const suggestion = closestServiceSettingId(id);
  if (suggestion) {
    const end = v.span.offset + v.span.length - 1;
    // A literal is rewritten whole; in a template only the id's characters are replaced.
    const written = v.type === 'string' ? v.write?.(literal.slice(0, literal.length - id.length) + suggestion) : undefined;
    const fix =
      written !== undefined
        ? [{ offset: v.span.offset, length: v.span.length, content: written }]
        : ctx.text.slice(end - id.length, end) === id
          ? [{ offset: end - id.length, length: id.length, content: suggestion }]
          : undefined;
    ctx.findings.push({
      ruleId: 'ssm-service-setting-id',
      messageId: 'unknownSettingId',
      data: { id, suggestion },
      span: v.span,
      ...(fix ? { suggestions: [{ messageId: 'changeId', data: { suggestion }, fix }] } : {}),
    });
    return;
  }
  const ns = serviceSettingNamespace(id);
  if (!ns || ns.open) return;
  ctx.findings.push({
    ruleId: 'ssm-service-setting-id',
    messageId: 'unknownSettingIdInNamespace',
    data: { id, namespace: ns.prefix, known: serviceSettingsIn(ns).map((s) => s.id).join(', ') },
    span: v.span,
  });
}
