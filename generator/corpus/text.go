package corpus

import (
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// The vocabulary: a few hundred common words of the guides' subject and of
// everyday written Chinese, by part of speech, so sentences read roughly
// like sentences.
var (
	nouns = strings.Fields(`
群聊 群主 群管理员 成员 管理员 企业 公司 同事 客户 朋友 家人 用户 账号 手机 电脑 设备 系统 版本
消息 聊天记录 文件 图片 视频 语音 链接 通知 公告 群名 群二维码 邀请 权限 角色 设置 选项 菜单 页面
按钮 入口 功能 应用 服务 数据 记录 备份 存储 空间 时间 日期 期限 天数 小时 分钟 方式 方法 步骤
流程 规定 制度 条款 协议 法律 责任 风险 隐私 安全 信息 内容 范围 对象 情况 问题 原因 结果 影响
区别 限制 条件 要求 建议 说明 提示 注意事项 例外 特殊情况 替代方案 后果 证据 截图 日志 审批 部门
负责人 领导 员工 外部联系人 合作伙伴 客户群 内部群 家庭群 工作群 班级群 社群 活动 项目 任务 会议
日程 文档 表格 网盘 云端 本地 服务器 网络 客服 帮助中心 官方 平台 规则 政策 平台规则 操作 记录表
名单 列表 顺序 状态 标记 提醒 搜索 结果页 详情页 首页 底部 顶部 右上角 左侧 弹窗 对话框 通讯录
工作台 后台 管理后台 控制台 接口 开发者 插件 小程序 公众号 视频号 支付 红包 转账 订单 发票 合同
`)
	verbs = strings.Fields(`
解散 退出 转让 删除 移出 添加 邀请 保存 导出 导入 备份 恢复 查看 打开 关闭 点击 选择 确认 取消
提交 审批 通知 提醒 发送 接收 转发 撤回 修改 设置 开启 停用 启用 同步 上传 下载 清理 整理 核对
检查 记录 说明 告知 联系 咨询 申请 处理 保留 迁移 复制 归档 授权 限制 禁止 允许 管理 维护 更新
登录 退出登录 切换 识别 验证 提供 获取 收集 使用 分享 公布 标注 搜索 筛选 排序 找回 还原 冻结
`)
	adverbs = strings.Fields(`
先 再 然后 最后 已经 还 也 都 只 就 才 仍然 一般 通常 往往 必须 可以 需要 应该 可能 不能 不会
不要 尽量 及时 提前 马上 逐个 分别 统一 直接 自动 手动 随时 暂时 长期 永久 全部 部分 大多
`)
	adjectives = strings.Fields(`
重要 必要 完整 清楚 简单 复杂 正式 临时 安全 稳定 常见 特殊 新的 旧的 原来的 相关 对应 具体 明确
详细 简短 公开 私密 内部 外部 个人 集体 有效 无效 默认 可选 额外 最新 正确 错误 合适 合理 一致
`)
	openers = strings.Fields(`
如果 因为 虽然 为了 在 当 由于 除非 只要 一旦 假如 对于 关于 按照 根据 通过 比如 另外 此外 同时
`)
	joiners = strings.Fields(`
但是 所以 因此 而且 并且 或者 否则 然后 不过 于是 接着 另一方面 换句话说 也就是说 总之
`)
	measures = strings.Fields(`
一个 两个 几个 所有 每个 这个 那个 其他 某些 一些 多个 任何 部分 少数 大部分
`)
	latin = strings.Fields(`iOS Android Windows macOS PC Web QR API v8 App`)
)

// tagWords are the tags; platformWords the platforms.
var (
	tagWords      = strings.Fields(`解散 权限 群主 备份 数据 隐私 法律 客户群 内部群 安全 迁移 通知`)
	platformWords = []string{"微信", "企业微信"}
)

// text writes sentences with one random source.
type text struct {
	rng   *rand.Rand
	plain bool // no **bold**, `code` or Latin words: for front matter
}

func (t *text) pick(words []string) string { return words[t.rng.IntN(len(words))] }

// chance is true with probability p.
func (t *text) chance(p float64) bool { return t.rng.Float64() < p }

// nounPhrase is a noun, sometimes qualified: "相关的聊天记录", "群主的权限".
func (t *text) nounPhrase(b *strings.Builder) {
	switch r := t.rng.IntN(10); {
	case r < 2:
		b.WriteString(strings.TrimSuffix(t.pick(adjectives), "的"))
		b.WriteString("的")
	case r < 4:
		b.WriteString(t.pick(nouns))
		b.WriteString("的")
	case r < 5:
		b.WriteString(t.pick(measures))
	}
	if !t.plain && t.chance(0.04) {
		b.WriteString("**" + t.pick(nouns) + "**")
		return
	}
	if !t.plain && t.chance(0.03) {
		spaced(b, t.pick(latin))
	}
	b.WriteString(t.pick(nouns))
}

// clause is "subject adverb verb object".
func (t *text) clause(b *strings.Builder) {
	t.nounPhrase(b)
	if t.chance(0.7) {
		b.WriteString(t.pick(adverbs))
	}
	if !t.plain && t.chance(0.03) {
		spaced(b, "`"+t.pick(latin)+"`")
	}
	b.WriteString(t.pick(verbs))
	t.nounPhrase(b)
}

// sentence is one to three clauses with full-width punctuation.
func (t *text) sentence(b *strings.Builder) {
	if t.chance(0.35) {
		b.WriteString(t.pick(openers))
	}
	t.clause(b)
	for n := t.rng.IntN(3); n > 0; n-- {
		if t.chance(0.2) {
			b.WriteString("、")
			t.nounPhrase(b)
			continue
		}
		b.WriteString("，")
		if t.chance(0.5) {
			b.WriteString(t.pick(joiners))
		}
		t.clause(b)
	}
	switch r := t.rng.IntN(20); {
	case r < 15:
		b.WriteString("。")
	case r < 17:
		b.WriteString("；")
	case r < 19:
		b.WriteString("？")
	default:
		b.WriteString("！")
	}
}

// paragraph writes sentences until about size bytes, breaking lines (soft
// breaks) between some of them, and ends with a blank line.
func (t *text) paragraph(b *strings.Builder, size int) {
	start := b.Len()
	for b.Len()-start < size {
		t.sentence(b)
		if t.chance(0.4) {
			b.WriteByte('\n')
		}
	}
	if !strings.HasSuffix(b.String(), "\n") {
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
}

// short is a phrase of a few words without punctuation: titles, table cells.
func (t *text) short() string {
	var b strings.Builder
	if t.chance(0.5) {
		b.WriteString(t.pick(verbs))
	}
	if t.chance(0.5) {
		b.WriteString(t.pick(adjectives))
	}
	b.WriteString(t.pick(nouns))
	return b.String()
}

// heading is Chinese words and sometimes a number, separated by spaces: no
// punctuation, no Latin, so its ID is the text with spaces turned to "-".
func (t *text) heading() string {
	var ws []string
	if t.chance(0.3) {
		ws = append(ws, "第", string(rune('1'+t.rng.IntN(9))), "步")
	}
	ws = append(ws, t.pick(verbs))
	if t.chance(0.6) {
		ws = append(ws, t.pick(nouns))
	}
	if t.chance(0.3) {
		ws = append(ws, t.pick(nouns))
	}
	return strings.Join(ws, " ")
}

// description is one sentence without markup, safe as a plain YAML scalar.
func (t *text) description() string {
	plain := t.plain
	t.plain = true
	var b strings.Builder
	t.sentence(&b)
	t.plain = plain
	return b.String()
}

// spaced writes a Latin word with a space on either side, as Chinese
// writers do, but none after punctuation or at the start of a line.
func spaced(b *strings.Builder, word string) {
	s := b.String()
	r, _ := utf8.DecodeLastRuneInString(s)
	if s != "" && r != '\n' && !strings.ContainsRune("，。、；？！：", r) {
		b.WriteByte(' ')
	}
	b.WriteString(word)
	b.WriteByte(' ')
}
