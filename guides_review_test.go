package main

import (
	"strings"
	"testing"

	"zhinan/generator/site"
)

// reviewFixes are sentences the content review of 2026-12-08 asked for, by
// page (source path) and finding: each must be in the page's built text, so
// that a later edit cannot quietly drop a fix. The words are the guides'
// own; a rewording that keeps the fact should update them here.
var reviewFixes = []struct{ page, finding, want string }{
	// W1: the switch removes members' invite entry and stops renaming; the
	// help text says nothing of 群公告.
	{"permissions/wecom-roles.md", "W1", "只有群主和群管理员能邀请新成员"},
	{"permissions/_index.md", "W1", "只有群主和群管理员能邀请新成员"},
	{"glossary.md", "W1", "只有群主和群管理员能邀请新成员"},
	{"alternatives/stop-new-joins.md", "W1", "只有群主和群管理员能邀请新成员"},
	// W2: a 客户群 is an external group created inside the 客户联系 scope;
	// 离职继承 covers only those.
	{"glossary.md", "W2", "由开通了客户联系的成员（在企业的客户联系使用范围内）创建的外部群"},
	{"permissions/wecom-roles.md", "W2", "其他外部群不是客户群"},
	{"exceptions/owner-gone.md", "W2", "离职继承只管客户群"},
	// R1: a keeping horizon before deleting records.
	{"after/what-to-keep.md", "R1", "民法典第一百八十八条规定为三年"},
	{"after/_index.md", "R1", "一般诉讼时效为三年"},
	// R2: the original phone and a screen recording.
	{"exceptions/abuse-fraud.md", "R2", "保留原手机和原始聊天"},
	{"exceptions/abuse-fraud.md", "R2", "录屏"},
	{"checklist.md", "R2", "先不要退群、删除聊天"},
	// R3: 群聊邀请确认 does not bind 群管理员.
	{"exceptions/re-invites.md", "R3", "对群管理员不起作用"},
	{"alternatives/stop-new-joins.md", "R3", "对群管理员不起作用"},
	{"glossary.md", "R3", "对群管理员不起作用"},
	{"checklist.md", "R3", "邀请确认拦不住群管理员"},
	// U3: case 2's owner also organised 线下沟通; not a safe harbour.
	{"legal/guangzhou-case.md", "U3", "组织了线下沟通"},
	{"legal/guangzhou-case.md", "U3", "不能直接套用"},
	{"exceptions/abuse-fraud.md", "U3", "组织了线下沟通"},
	// C1: the statute quoted exactly.
	{"legal/guangzhou-case.md", "C1", "「互联网群组建立者、管理者应当履行群组管理责任，依据法律法规、用户协议和平台公约，规范群组网络行为和信息发布，构建文明有序的网络群体空间。」"},
}

// reviewGone are wordings the review found wrong; no page may carry them.
var reviewGone = []struct{ finding, text string }{
	{"W1", "限制普通成员改群名、发群公告"},
	{"W1", "默认还能改群名、发群公告"},
	{"W2", "也叫外部群"},
	{"C1", "网络群组空间"},
	{"P1", "个人微信群没有入群验证码"},
}

// checkReviewFixes checks reviewFixes and reviewGone against the built text of
// every page, and that a page's sources never list an official entrance (a
// home page or a page titled 官方入口) while the built page shows its
// entrances under the theme's own label.
func checkReviewFixes(t *testing.T, bySource map[string]*site.Page, files map[string][]byte) {
	t.Helper()
	text := map[string]string{}
	for src, p := range bySource {
		if p.Doc() == nil {
			continue
		}
		var b strings.Builder
		for _, part := range p.Doc().Parts {
			b.WriteString(part.Heading + " " + part.Text + "\n")
		}
		text[src] = b.String()
	}
	for _, f := range reviewFixes {
		if !strings.Contains(text[f.page], f.want) {
			t.Errorf("content/%s: review finding %s: the built text lacks %q", f.page, f.finding, f.want)
		}
	}
	for src, body := range text {
		for _, g := range reviewGone {
			if strings.Contains(body, g.text) {
				t.Errorf("content/%s: review finding %s: still says %q", src, g.finding, g.text)
			}
		}
	}
	for src, p := range bySource {
		for _, s := range p.Meta.Sources {
			if officialEntrance(s.Title, s.URL) {
				t.Errorf("content/%s: source %q (%s) is an official entrance, not a source: move it to entrances", src, s.Title, s.URL)
			}
		}
		if len(p.Meta.Entrances) == 0 || p.URL == "/" { // the home page shows no page foot
			continue
		}
		html := string(files[strings.TrimPrefix(p.URL, "/")+"index.html"])
		if !strings.Contains(html, `class="entrances"`) || !strings.Contains(html, "官方入口（供自行查询，非本页依据）") {
			t.Errorf("content/%s: the built page does not show its entrances under their own label", src)
		}
	}
}
