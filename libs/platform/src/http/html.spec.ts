import { escapeHtml, html, SafeHtml } from './html';

describe('html template', () => {
  it('escapes every interpolated value', () => {
    const name = '<script>alert("x")</script> & \'y\'';
    expect(html`<p title="${name}">${name}</p>`.html).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>',
    );
  });

  it('keeps nested templates and renders arrays item by item, null and undefined as nothing', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}`.html).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('does not trust a string that merely looks like markup', () => {
    expect(html`${'<b>bold</b>'}`.html).toBe('&lt;b&gt;bold&lt;/b&gt;');
    expect(html`${new SafeHtml('<b>bold</b>')}`.html).toBe('<b>bold</b>');
    expect(escapeHtml(0)).toBe('0');
  });
});
