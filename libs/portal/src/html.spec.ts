import { Html, html } from './html';

describe('html templates', () => {
  it('escape every value, nested lists included, and keep Html as it is', () => {
    const name = '<script>alert("x")</script> & \'co\'';
    const out = html`<p title="${name}">${name}</p>${[html`<b>${'a<b'}</b>`, 'c>d']}${null}${false}${undefined}${0}`;
    expect(out).toBeInstanceOf(Html);
    expect(out.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p><b>a&lt;b</b>c&gt;d0',
    );
  });
});
