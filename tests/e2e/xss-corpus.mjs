// The XSS corpus of tests/e2e/xss.test.mjs: classic payloads, each of which, if it ever ran,
// would call `__xss(ID)` with its own id (or fetch `/xss-probe/ID…`, or navigate), so that the
// test can tell which one got through. Built from templates, each in several disguises
// (bidi-wrapped, broken out of an attribute or element, Arabic around it, entity-encoded …).
//
//   import { corpus } from './xss-corpus.mjs';
//   for (const { id, text, family } of corpus()) …

/** Templates: `C` is the code to run (`__xss(ID)`), `ID` the payload's id. */
const TEMPLATES = [
  // script elements
  ['script', (C) => `<script>${C}</script>`],
  ['script', (C) => `<ScRiPt>${C}</sCrIpT>`],
  ['script', (C) => `<script src="data:text/javascript,${C}"></script>`],
  ['script', (C) => `<script type="module">${C}</script>`],
  ['script', (C) => `<<script>${C}//<</script>`],
  ['script', (C) => `<scr<script>ipt>${C}</scr</script>ipt>`],
  ['script', (C) => `<script>/*</script><script>*/${C}</script>`],
  ['script', (C) => `<script\n>${C}</script\n>`],
  // event handlers
  ['handler', (C) => `<img src=x onerror=${C}>`],
  ['handler', (C) => `<img src="x" onerror="${C}">`],
  ['handler', (C) => `<img/src/onerror=${C}>`],
  ['handler', (C) => `<IMG SRC=x OnErRoR=${C}>`],
  ['handler', (C) => `<img src=x onerror=${C}`],
  ['handler', (C) => `<img\nsrc=x\tonerror=${C}>`],
  ['handler', (C) => `<img src=x onerror=&#95;&#95;xss(${C.match(/\d+/)[0]})>`],
  ['handler', (C) => `<img src=x onerror=eval(atob('${btoa(C)}'))>`],
  ['handler', (C) => `<svg onload=${C}>`],
  ['handler', (C) => `<svg/onload=${C}>`],
  ['handler', (C) => `<body onload=${C}>`],
  ['handler', (C) => `<body/onpageshow=${C}>`],
  ['handler', (C) => `<details open ontoggle=${C}>`],
  ['handler', (C) => `<video><source onerror=${C}></video>`],
  ['handler', (C) => `<video src=x onerror=${C}></video>`],
  ['handler', (C) => `<audio src=x onerror=${C}>`],
  ['handler', (C) => `<input autofocus onfocus=${C}>`],
  ['handler', (C) => `<select autofocus onfocus=${C}></select>`],
  ['handler', (C) => `<textarea autofocus onfocus=${C}></textarea>`],
  ['handler', (C) => `<marquee onstart=${C}>x</marquee>`],
  ['handler', (C) => `<a href="https://example.org/" onmouseover=${C}>x</a>`],
  ['handler', (C) => `<div tabindex=1 autofocus onfocusin=${C}>x</div>`],
  ['handler', (C) => `<style onload=${C}></style>`],
  ['handler', (C) => `<object data=x onerror=${C}></object>`],
  ['handler', (C) => `<iframe onload=${C}></iframe>`],
  ['handler', (C) => `<img src=x onerror=${C}//`],
  // URL schemes
  ['url', (C) => `<a href="javascript:${C}">x</a>`],
  ['url', (C) => `<a href="JaVaScRiPt:${C}">x</a>`],
  ['url', (C) => `<a href="&#106;avascript:${C}">x</a>`],
  ['url', (C) => `<a href="jav&#x09;ascript:${C}">x</a>`],
  ['url', (C) => `<a href=" javascript:${C}">x</a>`],
  ['url', (C) => `<a href="vbscript:${C}">x</a>`],
  ['url', (C) => `<a href="data:text/html,<script>parent.${C}</script>">x</a>`],
  ['url', (C) => `<iframe src="javascript:parent.${C}"></iframe>`],
  ['url', (C) => `<iframe srcdoc="<script>parent.${C}</script>"></iframe>`],
  ['url', (C) => `<form><button formaction="javascript:${C}">x</button></form>`],
  ['url', (C) => `<form action="javascript:${C}"><input type=submit></form>`],
  ['url', (C) => `<object data="javascript:${C}"></object>`],
  ['url', (C) => `<embed src="javascript:${C}">`],
  ['url', (C) => `<meta http-equiv="refresh" content="0;url=javascript:${C}">`],
  ['url', (C) => `<base href="javascript:${C}//">`],
  ['url', (C) => `<video poster="javascript:${C}"></video>`],
  ['url', (C) => `javascript:${C}`],
  ['url', (C) => `data:text/html;base64,${btoa(`<script>${C}</script>`)}`],
  ['url', (C) => `vbscript:${C}`],
  // SVG and MathML
  ['svg', (C) => `<svg><script>${C}</script></svg>`],
  ['svg', (C) => `<svg><script href="data:,${C}"/></svg>`],
  ['svg', (C) => `<svg><animate onbegin=${C} attributeName=x dur=1s>`],
  ['svg', (C) => `<svg><a xlink:href="javascript:${C}"><text x=20 y=20>x</text></a></svg>`],
  ['svg', (C) => `<svg><set attributeName=href to="javascript:${C}"/></svg>`],
  ['svg', (C) => `<svg><foreignObject><iframe onload=${C}></iframe></foreignObject></svg>`],
  ['svg', (C) => `<svg><image href=x onerror=${C} /></svg>`],
  ['mathml', (C) => `<math href="javascript:${C}">x</math>`],
  ['mathml', (C) => `<math><maction actiontype=statusline xlink:href="javascript:${C}">x</maction></math>`],
  ['mathml', (C) => `<math><mtext><img src=x onerror=${C}></mtext></math>`],
  // CSS
  ['css', (C) => `<div style="background:url(javascript:${C})">x</div>`],
  ['css', (C) => `<div style="width:expression(${C})">x</div>`],
  ['css', (C, ID) => `<div style="background-image:url(/xss-probe/${ID}.png)">x</div>`],
  ['css', (C, ID) => `<style>@import "/xss-probe/${ID}.css";</style>`],
  ['css', (C, ID) => `<link rel=stylesheet href="/xss-probe/${ID}.css">`],
  ['css', (C, ID) => `<img src="/xss-probe/${ID}.png">`],
  ['css', (C) => `<style>*{background:url("javascript:${C}")}</style>`],
  ['css', (C) => `x{-moz-binding:url("javascript:${C}")}`],
  // mutation XSS: parser confusions
  ['mxss', (C) => `<noscript><p title="</noscript><img src=x onerror=${C}>">`],
  ['mxss', (C) => `<noembed><img title="</noembed><img src=x onerror=${C}>">`],
  ['mxss', (C) => `<template><img src=x onerror=${C}></template>`],
  ['mxss', (C) => `<style><img src=x onerror=${C}></style>`],
  ['mxss', (C) => `<svg><style><img src=x onerror=${C}></style></svg>`],
  ['mxss', (C) => `<svg></p><style><a id="</style><img src=1 onerror=${C}>">`],
  ['mxss', (C) => `<math><mtext><table><mglyph><style><img src=x onerror=${C}>`],
  ['mxss', (C) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${C}>`],
  ['mxss', (C) => `<math><mi><table><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${C} src=1>">`],
  ['mxss', (C) => `<xmp><img src=x onerror=${C}></xmp>`],
  ['mxss', (C) => `<!--<img src="--><img src=x onerror=${C}//">`],
  ['mxss', (C) => `<title><img title="</title><img src=x onerror=${C}>">`],
  ['mxss', (C) => `<textarea><img title="</textarea><img src=x onerror=${C}>">`],
  ['mxss', (C) => `<iframe><img title="</iframe><img src=x onerror=${C}>"></iframe>`],
  ['mxss', (C) => `<![CDATA[<img src=x onerror=${C}>]]>`],
  // breaking out of an attribute, an element, a comment, a script
  ['breakout', (C) => `"><script>${C}</script>`],
  ['breakout', (C) => `'><img src=x onerror=${C}>`],
  ['breakout', (C) => `" onmouseover="${C}" x="`],
  ['breakout', (C) => `' autofocus onfocus='${C}`],
  ['breakout', (C) => `</textarea><script>${C}</script>`],
  ['breakout', (C) => `</title><script>${C}</script>`],
  ['breakout', (C) => `--><script>${C}</script>`],
  ['breakout', (C) => `]]><script>${C}</script>`],
  ['breakout', (C) => `</script><script>${C}</script>`],
  ['breakout', (C) => `{"claim":"</script><script>${C}</script>"}`],
  ['breakout', (C) => `</style><script>${C}</script>`],
  ['breakout', (C) => `\`;${C};\``],
  ['breakout', (C) => `\${${C}}`],
  ['breakout', (C) => `{{constructor.constructor('${C}')()}}`],
  // encodings that must be shown as they are, not decoded
  ['encoded', (C) => `&lt;script&gt;${C}&lt;/script&gt;`],
  ['encoded', (C) => `&#60;img src=x onerror=${C}&#62;`],
  ['encoded', (C) => `%3Cscript%3E${C}%3C%2Fscript%3E`],
  ['encoded', (C) => `\\u003cscript\\u003e${C}\\u003c/script\\u003e`],
  ['encoded', (C) => `+ADw-script+AD4-${C}+ADw-/script+AD4-`],
  ['encoded', (C) => `＜script＞${C}＜/script＞`],
];

/** Disguises around a payload. */
const WRAPS = [
  ['plain', (p) => p],
  ['rlo', (p) => `\u202E${p}\u202C`],
  ['rli', (p) => `\u2067${p}\u2069 قال الوزير`],
  ['arabic', (p) => `قال المتحدث باسم الوزارة إن ${p} ارتفعت بنسبة 8٪`],
  ['zero-width', (p) => `\u200D\uFEFF${p}\u200B`],
];

/**
 * Every payload: `{ id, text, family, wrap }`, ids 0…n-1; `text` calls `__xss(id)` if it ever
 * runs.
 */
export function corpus() {
  const out = [];
  for (const [wrapName, wrap] of WRAPS) {
    for (const [family, template] of TEMPLATES) {
      const id = out.length;
      out.push({ id, family, wrap: wrapName, text: wrap(template(`__xss(${id})`, id)) });
    }
  }
  return out;
}

/** Names and keys a payload should never reach as a lookup (translation tables, prototypes). */
export const KEY_PAYLOADS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];
