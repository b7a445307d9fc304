<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Reader</source>
        <translation>关于阅读器</translation>
    </message>
    <message>
        <source>An offline reader for Chinese articles.</source>
        <translation>离线阅读中文文章的工具。</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Library: {0}</source>
        <translation>书库：{0}</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>书库文件夹</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Reader</source>
        <translation>阅读器</translation>
    </message>
    <message>
        <source> (details in {0})</source>
        <translation>（详情见 {0}）</translation>
    </message>
    <message>
        <source>Something went wrong: {0}{1}</source>
        <translation>出错了：{0}{1}</translation>
    </message>
    <message>
        <source>{0}: no article with this id in the library</source>
        <translation>{0}：书库中没有这个编号的文章</translation>
    </message>
    <message>
        <source>Upgrading the library for this version of Reader. A backup is taken first, which can take a while for a large library.</source>
        <translation>正在为这个版本的 Reader 升级书库。会先做一份备份，书库很大时需要一些时间。</translation>
    </message>
    <message>
        <source>The library is damaged. Setting it aside and restoring the newest verified backup…</source>
        <translation>书库已损坏。正在把它移到一旁，并恢复最新的已验证备份……</translation>
    </message>
</context>
<context>
    <name>ArticleDocumentView</name>
    <message>
        <source>↑ The previous part of this article</source>
        <translation>↑ 本文的上一部分</translation>
    </message>
    <message>
        <source>↓ The next part of this article</source>
        <translation>↓ 本文的下一部分</translation>
    </message>
    <message>
        <source>↓ The rest of this paragraph, and the next part of this article</source>
        <translation>↓ 本段其余内容及本文的下一部分</translation>
    </message>
    <message>
        <source>This paragraph is too long to show in full at this size: zoom out, widen the window or turn Side by Side off to read it all.</source>
        <translation>这一段太长，按当前大小无法完整显示：请缩小字号、加宽窗口或关闭并排对照，以阅读全文。</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Unsorted</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name}（{count}）</translation>
    </message>
    <message>
        <source>{name}
{count} articles</source>
        <translation>{name}
{count} 篇文章</translation>
    </message>
    <message>
        <source>{0} unread</source>
        <translation>{0} 篇未读</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <source>Conversion check</source>
        <translation>转换检查</translation>
    </message>
    <message>
        <source>Hide variant forms</source>
        <translation>隐藏异体字</translation>
    </message>
    <message>
        <source>Findings that only choose between accepted variant forms, such as 布/佈</source>
        <translation>只涉及两种通行异体字之间取舍的问题，例如 布/佈</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>接受(&amp;A)</translation>
    </message>
    <message>
        <source>Accept A&amp;ll</source>
        <translation>全部接受(&amp;L)</translation>
    </message>
    <message>
        <source>Accept All takes &amp;variant forms too</source>
        <translation>全部接受时也包括异体字形(&amp;V)</translation>
    </message>
    <message>
        <source>Variant forms are accepted spellings; Accept All leaves them unless this is on</source>
        <translation>异体字形本是可以接受的写法；除非勾选此项，“全部接受”不会改动它们</translation>
    </message>
    <message>
        <source>&amp;Revert to Original</source>
        <translation>恢复原文(&amp;R)</translation>
    </message>
    <message>
        <source>variant</source>
        <translation>异体</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>{0} errors and {1} variant forms found; {2} accepted.</source>
        <translation>发现 {0} 处错误、{1} 处异体字；已接受 {2} 处。</translation>
    </message>
    <message>
        <source>Revert to Original</source>
        <translation>还原为原文</translation>
    </message>
    <message>
        <source>Discard the {0} fixes accepted in this article?</source>
        <translation>放弃本文中已接受的 {0} 处修正吗？</translation>
    </message>
</context>
<context>
    <name>BookmarkDialog</name>
    <message>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>A note (optional)</source>
        <translation>笔记（可选）</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>笔记：</translation>
    </message>
</context>
<context>
    <name>BookmarkTools</name>
    <message>
        <source>&amp;Bookmark Article</source>
        <translation>为文章添加书签(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>书签(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Continue Reading</source>
        <translation>继续阅读(&amp;C)</translation>
    </message>
    <message>
        <source>Export &amp;Bookmarks…</source>
        <translation>导出书签(&amp;B)…</translation>
    </message>
    <message>
        <source>Import Boo&amp;kmarks…</source>
        <translation>导入书签(&amp;K)…</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Loading bookmarks…</source>
        <translation>正在加载书签…</translation>
    </message>
    <message>
        <source>{0} bookmarks.</source>
        <translation>共 {0} 个书签。</translation>
    </message>
    <message>
        <source>The note could not be saved ({0}); it is kept here.</source>
        <translation>笔记未能保存（{0}），内容仍保留在这里。</translation>
    </message>
    <message>
        <source>The bookmark could not be deleted ({0}).</source>
        <translation>书签未能删除（{0}）。</translation>
    </message>
    <message>
        <source>Bookmark deleted. Undo with Ctrl+Z.</source>
        <translation>书签已删除。按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>The bookmark could not be restored ({0}).</source>
        <translation>书签未能恢复（{0}）。</translation>
    </message>
    <message>
        <source>The bookmark could not be saved ({0}).</source>
        <translation>书签未能保存（{0}）。</translation>
    </message>
    <message>
        <source>Article bookmarked.</source>
        <translation>已为文章添加书签。</translation>
    </message>
    <message>
        <source>Export Bookmarks</source>
        <translation>导出书签</translation>
    </message>
    <message>
        <source>bookmarks.json</source>
        <translation>书签.json</translation>
    </message>
    <message>
        <source>Bookmarks exported to {0}.</source>
        <translation>书签已导出到 {0}。</translation>
    </message>
    <message>
        <source>Import Bookmarks</source>
        <translation>导入书签</translation>
    </message>
    <message>
        <source>The bookmarks could not be imported: {0}</source>
        <translation>书签未能导入：{0}</translation>
    </message>
    <message>
        <source>Importing bookmarks…</source>
        <translation>正在导入书签…</translation>
    </message>
    <message>
        <source>{0} bookmarks added, {1} updated, {2} already here.</source>
        <translation>新增 {0} 个书签，更新 {1} 个，{2} 个已存在。</translation>
    </message>
    <message>
        <source>{0} got a new id: theirs belongs to a bookmark on another article.</source>
        <translation>{0} 已分配新编号：原编号属于另一篇文章的书签。</translation>
    </message>
    <message>
        <source>{0} not valid and left out; the first: {1}.</source>
        <translation>{0} 个无效，未导入；第一个：{1}。</translation>
    </message>
</context>
<context>
    <name>BookmarksModel</name>
    <message>
        <source>Article not in the library ({0})</source>
        <translation>文章不在书库中（{0}）</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>笔记</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>The whole article</source>
        <translation>整篇文章</translation>
    </message>
    <message>
        <source> (passage not found)</source>
        <translation>（找不到该段落）</translation>
    </message>
    <message>
        <source>{0} (not saved)</source>
        <translation>{0}（未保存）</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>Bookmarks</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Filter bookmarks and notes</source>
        <translation>筛选书签和笔记</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo Delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
</context>
<context>
    <name>DamageCheck</name>
    <message>
        <source>The library {0} looks damaged ({1}). Quit Reader and start it again: it will set the damaged file aside and restore the newest verified backup, keeping newer bookmarks and notes.</source>
        <translation>文库 {0} 似乎已损坏（{1}）。请退出 Reader 并重新启动：它会把损坏的文件移到一旁，恢复最新的已验证备份，并保留更新的书签和笔记。</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>阅读器</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Include date, source and editors</source>
        <translation>包括日期、来源和编辑</translation>
    </message>
    <message>
        <source>Include bookmarks and notes</source>
        <translation>包括书签和笔记</translation>
    </message>
    <message>
        <source>Bilingual: original and converted, block by block</source>
        <translation>对照：原文与转换后文字逐段并列</translation>
    </message>
    <message>
        <source>Use the corrected version (conversion check)</source>
        <translation>使用修正后的版本（转换检查）</translation>
    </message>
    <message>
        <source>Start with a UTF-8 byte order mark (for Windows tools)</source>
        <translation>文件开头加 UTF-8 字节顺序标记（供 Windows 工具使用）</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter（美国信纸）</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>导出文件夹</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Script:</source>
        <translation>字形(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>文件夹(&amp;O)：</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>无标题</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>The folder {0} does not exist.</source>
        <translation>文件夹 {0} 不存在。</translation>
    </message>
    <message>
        <source>{0} exists already.</source>
        <translation>{0} 已存在。</translation>
    </message>
    <message>
        <source>{0} exists. Replace it?</source>
        <translation>{0} 已存在。要替换吗？</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <source>The export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
    <message>
        <source>Exported to {0}.</source>
        <translation>已导出到 {0}。</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article</source>
        <translation>在文章中查找</translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3)</source>
        <translation>上一处 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next hit (F3)</source>
        <translation>下一处 (F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>no hits</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>第 {0} 处，共 {1} 处</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>Each row keeps a term as you want it after conversion: the text as it stands in the article, what to show instead, and the scripts it applies to (empty for all: simplified, traditional, taiwan, taiwan-phrases, hongkong).</source>
        <translation>每一行保存一个你希望转换后使用的词语：文章中的原文、改为显示的文字，以及适用的字形（留空表示全部：simplified、traditional、taiwan、taiwan-phrases、hongkong）。</translation>
    </message>
    <message>
        <source>Glossary entries</source>
        <translation>术语条目</translation>
    </message>
    <message>
        <source>In the article</source>
        <translation>文章中</translation>
    </message>
    <message>
        <source>Show as</source>
        <translation>显示为</translation>
    </message>
    <message>
        <source>Scripts</source>
        <translation>字形</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import TSV…</source>
        <translation>导入 TSV(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export TSV…</source>
        <translation>导出 TSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Row {0}: the term in the article is empty.</source>
        <translation>第 {0} 行：文章中的词语为空。</translation>
    </message>
    <message>
        <source>Row {0}: {1}</source>
        <translation>第 {0} 行：{1}</translation>
    </message>
    <message>
        <source>{0}: cannot be read (not UTF-8 text).</source>
        <translation>{0}：无法读取（不是 UTF-8 文本）。</translation>
    </message>
    <message>
        <source>{0} entries imported from {1}.</source>
        <translation>已从 {1} 导入 {0} 个条目。</translation>
    </message>
    <message>
        <source>{0} entries exported to {1}.</source>
        <translation>已将 {0} 个条目导出到 {1}。</translation>
    </message>
    <message>
        <source>Import Glossary</source>
        <translation>导入术语表</translation>
    </message>
    <message>
        <source>Tab-separated (*.tsv *.txt);;All files (*)</source>
        <translation>制表符分隔 (*.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export Glossary</source>
        <translation>导出术语表</translation>
    </message>
    <message>
        <source>glossary.tsv</source>
        <translation>术语表.tsv</translation>
    </message>
    <message>
        <source>Tab-separated (*.tsv)</source>
        <translation>制表符分隔 (*.tsv)</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User Guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>使用指南</translation>
    </message>
    <message>
        <source>The user guide is missing: {0}</source>
        <translation>找不到使用指南：{0}</translation>
    </message>
</context>
<context>
    <name>ImportDialogs</name>
    <message>
        <source>Articles ({0})</source>
        <translation>文章 ({0})</translation>
    </message>
    <message>
        <source>Web pages ({0})</source>
        <translation>网页 ({0})</translation>
    </message>
    <message>
        <source>Web archives ({0})</source>
        <translation>网页归档 ({0})</translation>
    </message>
    <message>
        <source>Markdown ({0})</source>
        <translation>Markdown 文件 ({0})</translation>
    </message>
    <message>
        <source>Text files ({0})</source>
        <translation>文本文件 ({0})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>导入文件夹</translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Importing… {0} files so far
{1}</source>
        <translation>正在导入…已处理 {0} 个文件
{1}</translation>
    </message>
    <message>
        <source>The import failed: {0}</source>
        <translation>导入失败：{0}</translation>
    </message>
    <message>
        <source>{0} articles imported; {1} files could not be imported.</source>
        <translation>已导入 {0} 篇文章；{1} 个文件无法导入。</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message>
        <source>Move to &amp;Trash</source>
        <translation>移到回收站(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Undo Delete</source>
        <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Move to Section…</source>
        <translation>移到栏目(&amp;M)…</translation>
    </message>
    <message>
        <source>Re&amp;name Section…</source>
        <translation>重命名栏目(&amp;N)…</translation>
    </message>
    <message>
        <source>Mark as R&amp;ead</source>
        <translation>标为已读(&amp;E)</translation>
    </message>
    <message>
        <source>Mark as U&amp;nread</source>
        <translation>标为未读(&amp;N)</translation>
    </message>
    <message>
        <source>Sort by &amp;Date</source>
        <translation>按日期排序(&amp;D)</translation>
    </message>
    <message>
        <source>Sort by T&amp;itle</source>
        <translation>按标题排序(&amp;I)</translation>
    </message>
    <message>
        <source>Nothing Was Changed</source>
        <translation>未做任何更改</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>{0} of these articles have bookmarks or notes. Move them to the Trash? They stay there, with their notes, until the Trash is emptied.</source>
        <translation>其中 {0} 篇文章有书签或笔记。要移到回收站吗？在清空回收站之前，它们连同笔记都会留在那里。</translation>
    </message>
    <message>
        <source>{0} moved to the Trash. Undo with Ctrl+Z.</source>
        <translation>已将 {0} 移到回收站。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>{0} restored.</source>
        <translation>已恢复 {0}。</translation>
    </message>
    <message>
        <source>Delete for Good</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>Delete {0} articles for good? This cannot be undone.</source>
        <translation>永久删除 {0} 篇文章吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>{0} deleted for good.</source>
        <translation>已永久删除 {0}。</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <source>Delete the {0} articles in the Trash for good? This cannot be undone.</source>
        <translation>永久删除回收站中的 {0} 篇文章吗？此操作无法撤销。</translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <source>Move to Section</source>
        <translation>移到栏目</translation>
    </message>
    <message>
        <source>Section (levels joined by /):</source>
        <translation>栏目（各级以 / 分隔）：</translation>
    </message>
    <message>
        <source>{0} moved to {1}.</source>
        <translation>已将 {0} 移到 {1}。</translation>
    </message>
    <message>
        <source>Rename Section</source>
        <translation>重命名栏目</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Section renamed to {0}.</source>
        <translation>栏目已重命名为 {0}。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reader</source>
        <translation>阅读器</translation>
    </message>
    <message>
        <source>Filter titles</source>
        <translation>筛选标题</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>{0} — Reader</source>
        <translation>{0} — 阅读器</translation>
    </message>
    <message>
        <source>That article is not in the library (or hidden by the filter).</source>
        <translation>书库中没有这篇文章（或已被筛选隐藏）。</translation>
    </message>
    <message>
        <source>Open Link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <source>Open this link in your web browser?
{0}</source>
        <translation>要在网页浏览器中打开这个链接吗？
{0}</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>已有导入正在进行。</translation>
    </message>
    <message>
        <source>{0} added, {1} updated, {2} already in the library, {3} failed</source>
        <translation>新增 {0} 篇，更新 {1} 篇，{2} 篇已在书库中，{3} 篇失败</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Import &amp;Files…</source>
        <translation>导入文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Import F&amp;older…</source>
        <translation>导入文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;Outline</source>
        <translation>显示大纲(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Filter Titles</source>
        <translation>筛选标题(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Next Article</source>
        <translation>下一篇文章(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Article</source>
        <translation>上一篇文章(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Reader</source>
        <translation>关于阅读器(&amp;A)</translation>
    </message>
    <message>
        <source>Next &amp;Pane</source>
        <translation>下一个窗格(&amp;P)</translation>
    </message>
    <message>
        <source>Previous Pa&amp;ne</source>
        <translation>上一个窗格(&amp;N)</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <source>No headings</source>
        <translation>没有标题</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Default display script</source>
        <translation>默认显示字形</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>米黄</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Reading font</source>
        <translation>阅读字体</translation>
    </message>
    <message>
        <source>Serif (Song/Ming)</source>
        <translation>衬线（宋体）</translation>
    </message>
    <message>
        <source>Sans-serif (Hei)</source>
        <translation>无衬线（黑体）</translation>
    </message>
    <message>
        <source>Text size in pixels</source>
        <translation>字号（像素）</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Line spacing</source>
        <translation>行距</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>书库文件夹</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>Choose the library folder</source>
        <translation>选择书库文件夹</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>保留的备份数</translation>
    </message>
    <message>
        <source>A week of daily, then weekly</source>
        <translation>一周内每日一份，之后每周一份</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Display &amp;script:</source>
        <translation>显示字形(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Reading &amp;font:</source>
        <translation>阅读字体(&amp;F)：</translation>
    </message>
    <message>
        <source>Text si&amp;ze:</source>
        <translation>字号(&amp;Z)：</translation>
    </message>
    <message>
        <source>Line spa&amp;cing:</source>
        <translation>行距(&amp;C)：</translation>
    </message>
    <message>
        <source>Library f&amp;older:</source>
        <translation>书库文件夹(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Backups kept:</source>
        <translation>保留备份(&amp;B)：</translation>
    </message>
    <message>
        <source>The folder is set by READER_HOME or --library for this run.</source>
        <translation>本次运行的书库文件夹由 READER_HOME 或 --library 指定。</translation>
    </message>
    <message>
        <source>Language and library folder take effect when Reader next starts.</source>
        <translation>界面语言和书库文件夹在下次启动阅读器时生效。</translation>
    </message>
    <message>
        <source>Library Folder</source>
        <translation>书库文件夹</translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Copy &amp;Paragraph</source>
        <translation>复制段落(&amp;P)</translation>
    </message>
    <message>
        <source>Bookmark &amp;Selection…</source>
        <translation>为所选文字添加书签(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Bookmark Paragraph…</source>
        <translation>为段落添加书签(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>ScriptOptions</name>
    <message>
        <source>Side by &amp;Side</source>
        <translation>并排对照(&amp;S)</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Simplified (Mainland)</source>
        <translation>简体（中国大陆）</translation>
    </message>
    <message>
        <source>Traditional (OpenCC Standard)</source>
        <translation>繁体（OpenCC 标准）</translation>
    </message>
    <message>
        <source>Traditional, Taiwan</source>
        <translation>繁体（台湾）</translation>
    </message>
    <message>
        <source>Taiwan, with Taiwan Phrasing</source>
        <translation>繁体（台湾用语）</translation>
    </message>
    <message>
        <source>Traditional, Hong Kong</source>
        <translation>繁体（香港）</translation>
    </message>
    <message>
        <source>Display script</source>
        <translation>显示字形</translation>
    </message>
    <message>
        <source>Script the article is shown in (Ctrl+1 to Ctrl+6)</source>
        <translation>文章显示所用的字形（Ctrl+1 至 Ctrl+6）</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all articles (either script)</source>
        <translation>搜索所有文章（简繁皆可）</translation>
    </message>
    <message>
        <source>Find in Library</source>
        <translation>在文库中搜索</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No articles found</source>
        <translation>没有找到文章</translation>
    </message>
    <message>
        <source>{0} articles</source>
        <translation>{0} 篇文章</translation>
    </message>
    <message>
        <source>The search could not be run: {0}</source>
        <translation>无法进行搜索：{0}</translation>
    </message>
</context>
<context>
    <name>SearchTools</name>
    <message>
        <source>Find in Library</source>
        <translation>在文库中搜索</translation>
    </message>
    <message>
        <source>Find in Article</source>
        <translation>在文章中查找</translation>
    </message>
    <message>
        <source>Find in &amp;Library…</source>
        <translation>在文库中搜索(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation>在文章中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Clear the title filter</source>
        <translation>清除标题筛选</translation>
    </message>
    <message>
        <source>From the title filter into the list</source>
        <translation>从标题筛选框进入列表</translation>
    </message>
    <message>
        <source>Move between the list, the article and the panels</source>
        <translation>在列表、正文和面板之间切换</translation>
    </message>
    <message>
        <source>Open the article or section chosen in the list</source>
        <translation>打开列表中选中的文章或栏目</translation>
    </message>
    <message>
        <source>Delete the chosen bookmark (Bookmarks panel)</source>
        <translation>删除选中的书签（书签面板）</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>TitleFilter</name>
    <message>
        <source>No matches</source>
        <translation>没有匹配的标题</translation>
    </message>
    <message>
        <source>Filter result</source>
        <translation>筛选结果</translation>
    </message>
</context>
<context>
    <name>TranslationTools</name>
    <message>
        <source>&amp;Check Conversion</source>
        <translation>检查转换(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Glossary…</source>
        <translation>术语表(&amp;G)…</translation>
    </message>
    <message>
        <source>Conversion Check</source>
        <translation>转换检查</translation>
    </message>
    <message>
        <source>&amp;Script</source>
        <translation>字形(&amp;S)</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>字形</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>No article is open.</source>
        <translation>没有打开的文章。</translation>
    </message>
    <message>
        <source>This check is for Traditional text; this article is Simplified.</source>
        <translation>此检查适用于繁体文本；这篇文章是简体。</translation>
    </message>
    <message>
        <source>Checking the conversion…</source>
        <translation>正在检查转换…</translation>
    </message>
    <message>
        <source>The check could not run: {0}</source>
        <translation>无法进行检查：{0}</translation>
    </message>
</context>
<context>
    <name>ViewOptions</name>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;epia</source>
        <translation>米黄(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Font</source>
        <translation>字体(&amp;F)</translation>
    </message>
    <message>
        <source>S&amp;erif</source>
        <translation>衬线(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Sans</source>
        <translation>无衬线(&amp;S)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
</context>
</TS>
