package markdown

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// xssVectors are our own fixtures in the manner of the OWASP XSS filter
// evasion cheat sheet: scripts, event handlers, javascript:/vbscript:/data:
// URLs in every spelling browsers accept, styles, frames, objects, forms,
// meta refresh, base, SVG/MathML, comments and malformed tags that try to
// hide a tag from a filter, and end tags that try to break out of the page.
var xssVectors = []string{
	`<script>alert(1)</script>`,
	`<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>`,
	`<script/xss src="https://xss.example/x.js"></script>`,
	`<<SCRIPT>alert("XSS");//\<</SCRIPT>`,
	`<SCRIPT>document.write("<SCRI");</SCRIPT>PT SRC="https://xss.example/xss.js"></SCRIPT>`,
	`<IMG SRC="javascript:alert('XSS');">`,
	`<IMG SRC=javascript:alert('XSS')>`,
	`<IMG SRC=JaVaScRiPt:alert('XSS')>`,
	"<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
	`<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\>`,
	`<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>`,
	`<IMG SRC=# onmouseover="alert('xxs')">`,
	`<IMG SRC= onmouseover="alert('xxs')">`,
	`<IMG onmouseover="alert('xxs')">`,
	`<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
	`<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">`,
	`<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>`,
	`<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>`,
	`<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>`,
	`<IMG SRC="jav	ascript:alert('XSS');">`,
	`<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
	`<IMG SRC="jav&#x0A;ascript:alert('XSS');">`,
	`<IMG SRC=" &#14;  javascript:alert('XSS');">`,
	`<a href=" javascript:alert(1)">x</a>`,
	`<a href="&#x6A;avascript:alert(1)">x</a>`,
	`<a href="java&NewLine;script:alert(1)">x</a>`,
	`<a href="vbscript:msgbox(1)">x</a>`,
	`<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
	`<a href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">x</a>`,
	`<img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">`,
	`<BODY onload!#$%&()*~+-_.,:;?@[/|\]^` + "`" + `=alert("XSS")>`,
	`<BODY ONLOAD=alert('XSS')>`,
	`<svg/onload=alert('XSS')>`,
	`<svg><script>alert(1)</script></svg>`,
	`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`,
	`<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">`,
	`<BGSOUND SRC="javascript:alert('XSS');">`,
	`<BR SIZE="&{alert('XSS')}">`,
	`<LINK REL="stylesheet" HREF="javascript:alert('XSS');">`,
	`<LINK REL="stylesheet" HREF="https://xss.example/xss.css">`,
	`<STYLE>@import'https://xss.example/xss.css';</STYLE>`,
	`<META HTTP-EQUIV="Link" Content="<https://xss.example/xss.css>; REL=stylesheet">`,
	`<STYLE>BODY{-moz-binding:url("https://xss.example/xssmoz.xml#xss")}</STYLE>`,
	`<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>`,
	`<IMG STYLE="xss:expr/*XSS*/ession(alert('XSS'))">`,
	`<div style="background-image: url(javascript:alert('XSS'))">x</div>`,
	`<div style="width: expression(alert('XSS'));">x</div>`,
	`<img src="a.png" style="width: expression(alert(1)); height: 10px">`,
	`<span style="position:fixed;top:0;left:0;width:100%;height:100%">cover</span>`,
	`<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
	`<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">`,
	`<IFRAME SRC="javascript:alert('XSS');"></IFRAME>`,
	`<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>`,
	`<iframe srcdoc="<script>alert(1)</script>"></iframe>`,
	`<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>`,
	`<TABLE BACKGROUND="javascript:alert('XSS')"><TD BACKGROUND="javascript:alert('XSS')">x</TD></TABLE>`,
	`<DIV STYLE="background-image:\0075\0072\006C\0028'\006a\0061\0076\0061\0073\0063\0072\0069\0070\0074\003a\0061\006c\0065\0072\0074\0028.1027\0058.1053\0053\0027\0029'\0029">x</DIV>`,
	`<BASE HREF="javascript:alert('XSS');//">`,
	`<OBJECT TYPE="text/x-scriptlet" DATA="https://xss.example/scriptlet.html"></OBJECT>`,
	`<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>`,
	`<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">x</button></form>`,
	`<isindex type=image src=1 onerror=alert(1)>`,
	`<video><source onerror="alert(1)"></video>`,
	`<details open ontoggle=alert(1)><summary>x</summary></details>`,
	`<a href="https://ok.example/" onclick="alert(1)" target="_blank">ok</a>`,
	`<div id="search" class="theme" name="x">clobber</div>`,
	`<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->`,
	`<!-- --><script>alert(1)</script><!-- -->`,
	`<SCRIPT a=">" SRC="https://xss.example/xss.js"></SCRIPT>`,
	`<SCRIPT ="blah" SRC="https://xss.example/xss.js"></SCRIPT>`,
	`<xss style="behavior: url(xss.htc);">`,
	`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
	`<textarea></textarea><img src=x onerror=alert(1)>`,
	`<title><img src=x onerror=alert(1)></title>`,
	`<plaintext><img src=x onerror=alert(1)>`,
	`<xmp><img src=x onerror=alert(1)></xmp>`,
	`<a href="#" onmouseover=alert(1)//>x</a>`,
	`</div></div></main></body><script>alert(1)</script>`,
	`</p></li></ul><div>`,
}

// TestSanitiserKeepsXSSInert renders every vector as an HTML block, inline in
// a paragraph, in a list item and in a blockquote, and checks the result as
// a browser would parse it: no element, attribute or URL that can run script
// or restyle the page, and every tag balanced.
func TestSanitiserKeepsXSSInert(t *testing.T) {
	r := New(Options{})
	for _, v := range xssVectors {
		for _, src := range []string{
			v + "\n",
			"文字 " + v + " 文字\n",
			"- " + v + "\n- 第二项\n",
			"> " + v + "\n\n正文\n",
		} {
			d := r.Render("content/x.md", "x.md", []byte(src), testSite)
			if problem := unsafeHTML(d.HTML, true); problem != "" {
				t.Errorf("%q\n→ %s\n%s", src, d.HTML, problem)
			}
			if problem := unbalanced(d.HTML); problem != "" {
				t.Errorf("%q\n→ %s\n%s", src, d.HTML, problem)
			}
		}
	}
}

// unsafeHTML parses h as the body of a page and describes the first thing in
// it that could run script, load a page or restyle the site, or "". Unless
// strict, id and class are let through (Markdown makes some of its own), and
// so is the MathML that math.go makes from TeX ($x$): its <math> and the
// fixed style attributes texmath writes. Raw HTML never brings a <math>
// through the sanitiser, and any forbidden element or attribute inside one
// is still found.
func unsafeHTML(h string, strict bool) string {
	nodes, err := html.ParseFragment(strings.NewReader(h), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return err.Error()
	}
	forbidden := map[string]bool{"script": true, "style": true, "iframe": true, "frame": true, "frameset": true,
		"object": true, "embed": true, "svg": true, "math": true, "link": true, "meta": true, "base": true,
		"form": true, "input": true, "button": true, "textarea": true, "select": true, "video": true,
		"audio": true, "source": true, "noscript": true, "title": true, "xmp": true, "plaintext": true,
		"isindex": true, "bgsound": true, "applet": true, "body": true, "xss": true, "annotation-xml": true}
	var walk func(n *html.Node, inMath bool) string
	walk = func(n *html.Node, inMath bool) string {
		if n.Type == html.ElementNode {
			ours := !strict && n.Data == "math"
			if forbidden[n.Data] && !ours {
				return "element <" + n.Data + ">"
			}
			inMath = inMath || ours
			for _, a := range n.Attr {
				if !strict && (a.Key == "id" || a.Key == "class" || inMath && a.Key == "style") {
					continue
				}
				if p := unsafeAttr(n.Data, a); p != "" {
					return p
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if p := walk(c, inMath); p != "" {
				return p
			}
		}
		return ""
	}
	for _, n := range nodes {
		if p := walk(n, false); p != "" {
			return p
		}
	}
	return ""
}

func unsafeAttr(elem string, a html.Attribute) string {
	k, v := strings.ToLower(a.Key), strings.ToLower(a.Val)
	switch {
	case k == "name" && elem != "a", // <a name> clobbers no global; other names can
		strings.HasPrefix(k, "on"), k == "id", k == "class", k == "srcdoc", k == "target",
		k == "background", k == "formaction", k == "action", k == "data", k == "srcset":
		return "attribute " + k + " on <" + elem + ">"
	case k == "style":
		for _, decl := range strings.Split(strings.Join(strings.Fields(v), ""), ";") {
			prop, _, _ := strings.Cut(decl, ":")
			if decl != "" && prop != "text-align" && prop != "width" && prop != "height" && prop != "max-width" {
				return "style " + decl + " on <" + elem + ">"
			}
			if strings.Contains(decl, "(") || strings.Contains(decl, "\\") {
				return "style " + decl + " on <" + elem + ">"
			}
		}
	case k == "href" || k == "src":
		// As a browser reads a URL: control characters and spaces gone.
		v = strings.Map(func(r rune) rune {
			if r <= ' ' {
				return -1
			}
			return r
		}, v)
		for _, bad := range []string{"javascript:", "vbscript:", "livescript:", "data:"} {
			if strings.HasPrefix(v, bad) && !(elem == "img" && k == "src" && strings.HasPrefix(v, "data:image/")) {
				return k + "=" + a.Val + " on <" + elem + ">"
			}
		}
	}
	return ""
}

// unbalanced reports the first end tag of h that does not close the element
// last opened, or an element left open: raw HTML must never close an
// element it did not open, nor leave one open for the theme to trip on.
func unbalanced(h string) string {
	z := html.NewTokenizer(strings.NewReader(h))
	var open []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			if len(open) > 0 {
				return "left open: " + strings.Join(open, " ")
			}
			return ""
		case html.StartTagToken:
			tok := z.Token()
			if !voidElement(tok.DataAtom) {
				open = append(open, tok.Data)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(open) == 0 || open[len(open)-1] != string(name) {
				return "</" + string(name) + "> closes " + strings.Join(open, " ")
			}
			open = open[:len(open)-1]
		}
	}
}

// TestUnsafeHTMLKeepsLinksResolved: unsafe_html keeps HTML whole, comments
// and scripts included, but links in it still resolve and are checked.
func TestUnsafeHTMLKeepsLinksResolved(t *testing.T) {
	src := []byte("<div class=\"x\"><a href=\"a.md\">a</a><img src=\"nope.png\"></div>\n\n文字 <!-- c -->\n\n<script>x()</script>\n")
	d := New(Options{UnsafeHTML: true}).Render("content/page.md", "page.md", src, testSite)
	want := `<div class="x"><a href="/a/">a</a><img src="nope.png" loading="lazy"></div>` + "\n<p>文字 <!-- c --></p>\n<script>x()</script>\n"
	if d.HTML != want {
		t.Errorf("HTML\n got %s\nwant %s", d.HTML, want)
	}
	if got := d.Diags.Error(); got != `content/page.md:1:36: broken link "nope.png": no page "nope.png"` {
		t.Errorf("diags %s", got)
	}
	if len(d.Links) != 1 || d.Links[0].Line != 1 || d.Links[0].Col != 16 {
		t.Errorf("links %+v", d.Links)
	}
	if text := d.Parts[0].Text; text != "a 文字" {
		t.Errorf("search text %q, want %q (no script)", text, "a 文字")
	}
}

// FuzzSanitise: whatever raw HTML a page holds, the page's HTML is balanced
// and inert.
func FuzzSanitise(f *testing.F) {
	for _, v := range xssVectors[:20] {
		f.Add(v)
	}
	f.Add("<details>\n<summary>x</summary>\n\n*a<sup>b*\n\n</details>")
	r := New(Options{})
	f.Fuzz(func(t *testing.T, s string) {
		d := r.Render("content/x.md", "x.md", []byte(s), testSite)
		if bytes.Contains([]byte(s), []byte("\x00")) {
			return
		}
		if p := unsafeHTML(d.HTML, false); p != "" {
			t.Errorf("%q → %s: %s", s, d.HTML, p)
		}
		if p := unbalanced(d.HTML); p != "" {
			t.Errorf("%q → %s: %s", s, d.HTML, p)
		}
	})
}

// TestSanitizeShortWay: the short way of sanitize gives what the policy
// gives, for every allowed element and a few others, in the forms goldmark
// hands over.
func TestSanitizeShortWay(t *testing.T) {
	names := append([]string{"script", "style", "a", "img", "iframe", "foo", "SUP", "Br"}, allowedElements...)
	for _, n := range names {
		for _, h := range []string{"<" + n + ">", "</" + n + ">", "<" + n + " >", "</" + n + " >", "<" + n + "/>"} {
			if got, want := string(sanitize([]byte(h))), policy.Sanitize(h); got != want {
				t.Errorf("sanitize(%q) = %q, policy gives %q", h, got, want)
			}
		}
	}
}
