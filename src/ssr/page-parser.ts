import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { isNewsroomTag, type NewsroomTag } from '../core/element/tags.js';

type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

/** One newsroom tag found in the page, with what the browser would see around it. */
export interface FoundElement {
  tag: NewsroomTag;
  node: Element;
  attributes: Map<string, string>;
  /** The nearest `news-provider` around it (context flows only down the page). */
  provider?: Map<string, string>;
  /** The nearest `lang` attribute, the element's own included. */
  lang?: string;
  /** The text of a child `<script type="application/json">`, when the page gives data inline. */
  inline?: string;
  /** The offset in the page just after the start tag: where the shadow root goes. */
  insertAt: number;
}

export interface ParsedPage {
  elements: FoundElement[];
  /** `<base href>` of the head, when there is one. */
  baseHref?: string;
  document: DefaultTreeAdapterMap['document'];
}

export const attributesOf = (node: Element): Map<string, string> => new Map(node.attrs.map((a) => [a.name, a.value]));

export const childElements = (node: Node): Element[] =>
  'childNodes' in node ? node.childNodes.filter((child): child is Element => 'tagName' in child) : [];

export function textOf(node: Element): string {
  return node.childNodes.map((child) => ('value' in child && child.nodeName === '#text' ? child.value : '')).join('');
}

/**
 * Reads any HTML page with a real HTML parser (the one the browser follows, not regexes) and
 * lists its newsroom tags in document order. Tags inside `<template>` contents are not part of
 * the page and are skipped, and so is an element that already has a declarative shadow root
 * (a page rendered before).
 */
export function parsePage(html: string): ParsedPage {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const elements: FoundElement[] = [];
  let baseHref: string | undefined;
  const visit = (node: Node, provider: Map<string, string> | undefined, lang: string | undefined) => {
    for (const child of childElements(node)) {
      const attributes = attributesOf(child);
      const ownLang = attributes.get('lang') ?? lang;
      if (child.tagName === 'base' && baseHref === undefined && attributes.has('href')) baseHref = attributes.get('href');
      // The library's tags are drawn; any other element of the page is left as written.
      if (isNewsroomTag(child.tagName) && !hasShadowRoot(child) && child.sourceCodeLocation?.startTag) {
        const script = childElements(child).find(
          (el) => el.tagName === 'script' && el.attrs.some((a) => a.name === 'type' && a.value.trim().toLowerCase() === 'application/json'),
        );
        elements.push({
          tag: child.tagName,
          node: child,
          attributes,
          provider,
          lang: ownLang,
          inline: script ? textOf(script) : undefined,
          insertAt: child.sourceCodeLocation.startTag.endOffset,
        });
      }
      visit(child, child.tagName === 'news-provider' ? attributes : provider, ownLang);
    }
  };
  visit(document, undefined, undefined);
  return { elements, baseHref, document };
}

function hasShadowRoot(node: Element): boolean {
  return childElements(node).some((el) => el.tagName === 'template' && el.attrs.some((a) => a.name === 'shadowrootmode'));
}
