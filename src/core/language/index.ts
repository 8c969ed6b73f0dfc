export { getCompletions, type CompletionKind, type PolicyCompletionItem } from './completion';
export { cursorContext, type CursorContext, type StringToken } from './cursor';
export { getHover, type HoverKind, type LanguageOptions, type PolicyHover } from './hover';
export { serviceReferenceUrl } from './links';
export { formatMessage, type Localize } from './localize';
