import { parseTree, type Node, type ParseError, type ParseOptions } from 'jsonc-parser';

/** A JSON value whose objects have no prototype: `__proto__`, `constructor`, `toString` are ordinary own keys. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** A JSON object built with `Object.create(null)`; only its own keys exist. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/**
 * Parses JSON (with comments; trailing commas when `options` allow them) into plain values, building objects with
 * a null prototype from jsonc-parser's tree. jsonc-parser's `parse` assigns each property, so a `"__proto__"` key
 * replaces the object's prototype and its keys become inherited values; here it stays one own key among others.
 * A repeated key keeps its last value, as `JSON.parse` does. Undefined for an empty text; syntax errors go to `errors`.
 */
export function parseJsonValue(text: string, errors: ParseError[] = [], options?: ParseOptions): JsonValue | undefined {
  const root = parseTree(text, errors, options);
  return root ? toValue(root) : undefined;
}

function toValue(node: Node): JsonValue {
  switch (node.type) {
    case 'object': {
      const obj = Object.create(null) as JsonObject;
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key?.type !== 'string') continue;
        Object.defineProperty(obj, key.value as string, { value: value ? toValue(value) : null, enumerable: true, writable: true, configurable: true });
      }
      return obj;
    }
    case 'array':
      return (node.children ?? []).map(toValue);
    case 'string':
    case 'number':
    case 'boolean':
      return node.value as JsonValue;
    default:
      return null;
  }
}
