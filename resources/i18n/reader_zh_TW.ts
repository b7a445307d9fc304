<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Reader</source>
        <translation>關於閱讀器</translation>
    </message>
    <message>
        <source>An offline reader for Chinese articles.</source>
        <translation>離線閱讀中文文章的工具。</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Library: {0}</source>
        <translation>書庫：{0}</translation>
    </message>
    <message>
        <source>Library folder</source>
        <translation>書庫資料夾</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Reader</source>
        <translation>閱讀器</translation>
    </message>
    <message>
        <source> (details in {0})</source>
        <translation>（詳情請見 {0}）</translation>
    </message>
    <message>
        <source>Something went wrong: {0}{1}</source>
        <translation>發生錯誤：{0}{1}</translation>
    </message>
    <message>
        <source>{0}: no article with this id in the library</source>
        <translation>{0}：書庫中沒有這個編號的文章</translation>
    </message>
    <message>
        <source>Upgrading the library for this version of Reader. A backup is taken first, which can take a while for a large library.</source>
        <translation>正在為這個版本的 Reader 升級書庫。會先做一份備份，書庫很大時需要一些時間。</translation>
    </message>
    <message>
        <source>The library is damaged. Setting it aside and restoring the newest verified backup…</source>
        <translation>書庫已損壞。正在把它移到一旁，並還原最新的已驗證備份……</translation>
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
        <translation>↓ 本段其餘內容及本文的下一部分</translation>
    </message>
    <message>
        <source>This paragraph is too long to show in full at this size: zoom out, widen the window or turn Side by Side off to read it all.</source>
        <translation>這一段太長，以目前大小無法完整顯示：請縮小字級、加寬視窗或關閉並排對照，以閱讀全文。</translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>垃圾桶</translation>
    </message>
    <message>
        <source>Unsorted</source>
        <translation>未分類</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>範例</translation>
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
        <translation>{0} 篇未讀</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <source>Conversion check</source>
        <translation>轉換檢查</translation>
    </message>
    <message>
        <source>Hide variant forms</source>
        <translation>隱藏異體字</translation>
    </message>
    <message>
        <source>Findings that only choose between accepted variant forms, such as 布/佈</source>
        <translation>只涉及兩種通行異體字之間取捨的問題，例如 布/佈</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>檢查結果</translation>
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
        <translation>全部接受時也包括異體字形(&amp;V)</translation>
    </message>
    <message>
        <source>Variant forms are accepted spellings; Accept All leaves them unless this is on</source>
        <translation>異體字形本是可以接受的寫法；除非勾選此項，「全部接受」不會改動它們</translation>
    </message>
    <message>
        <source>&amp;Revert to Original</source>
        <translation>還原為原文(&amp;R)</translation>
    </message>
    <message>
        <source>variant</source>
        <translation>異體</translation>
    </message>
    <message>
        <source>error</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <source>{0} errors and {1} variant forms found; {2} accepted.</source>
        <translation>發現 {0} 處錯誤、{1} 處異體字；已接受 {2} 處。</translation>
    </message>
    <message>
        <source>Revert to Original</source>
        <translation>還原為原文</translation>
    </message>
    <message>
        <source>Discard the {0} fixes accepted in this article?</source>
        <translation>放棄本文中已接受的 {0} 處修正嗎？</translation>
    </message>
</context>
<context>
    <name>BookmarkDialog</name>
    <message>
        <source>Bookmark</source>
        <translation>書籤</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>A note (optional)</source>
        <translation>筆記（選填）</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>筆記：</translation>
    </message>
</context>
<context>
    <name>BookmarkTools</name>
    <message>
        <source>&amp;Bookmark Article</source>
        <translation>將文章加入書籤(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation>書籤(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Continue Reading</source>
        <translation>繼續閱讀(&amp;C)</translation>
    </message>
    <message>
        <source>Export &amp;Bookmarks…</source>
        <translation>匯出書籤(&amp;B)…</translation>
    </message>
    <message>
        <source>Import Boo&amp;kmarks…</source>
        <translation>匯入書籤(&amp;K)…</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>書籤</translation>
    </message>
    <message>
        <source>Loading bookmarks…</source>
        <translation>正在載入書籤…</translation>
    </message>
    <message>
        <source>{0} bookmarks.</source>
        <translation>共 {0} 個書籤。</translation>
    </message>
    <message>
        <source>The note could not be saved ({0}); it is kept here.</source>
        <translation>筆記無法儲存（{0}），內容仍保留在這裡。</translation>
    </message>
    <message>
        <source>The bookmark could not be deleted ({0}).</source>
        <translation>書籤無法刪除（{0}）。</translation>
    </message>
    <message>
        <source>Bookmark deleted. Undo with Ctrl+Z.</source>
        <translation>書籤已刪除。按 Ctrl+Z 復原。</translation>
    </message>
    <message>
        <source>The bookmark could not be restored ({0}).</source>
        <translation>書籤無法復原（{0}）。</translation>
    </message>
    <message>
        <source>The bookmark could not be saved ({0}).</source>
        <translation>書籤無法儲存（{0}）。</translation>
    </message>
    <message>
        <source>Article bookmarked.</source>
        <translation>已將文章加入書籤。</translation>
    </message>
    <message>
        <source>Export Bookmarks</source>
        <translation>匯出書籤</translation>
    </message>
    <message>
        <source>bookmarks.json</source>
        <translation>書籤.json</translation>
    </message>
    <message>
        <source>Bookmarks exported to {0}.</source>
        <translation>書籤已匯出至 {0}。</translation>
    </message>
    <message>
        <source>Import Bookmarks</source>
        <translation>匯入書籤</translation>
    </message>
    <message>
        <source>The bookmarks could not be imported: {0}</source>
        <translation>書籤無法匯入：{0}</translation>
    </message>
    <message>
        <source>Importing bookmarks…</source>
        <translation>正在匯入書籤…</translation>
    </message>
    <message>
        <source>{0} bookmarks added, {1} updated, {2} already here.</source>
        <translation>新增 {0} 個書籤，更新 {1} 個，{2} 個已存在。</translation>
    </message>
    <message>
        <source>{0} got a new id: theirs belongs to a bookmark on another article.</source>
        <translation>{0} 已指派新編號：原編號屬於另一篇文章的書籤。</translation>
    </message>
    <message>
        <source>{0} not valid and left out; the first: {1}.</source>
        <translation>{0} 個無效，未匯入；第一個：{1}。</translation>
    </message>
</context>
<context>
    <name>BookmarksModel</name>
    <message>
        <source>Article not in the library ({0})</source>
        <translation>文章不在書庫中（{0}）</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>筆記</translation>
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
        <translation>（找不到該段落）</translation>
    </message>
    <message>
        <source>{0} (not saved)</source>
        <translation>{0}（未儲存）</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>Bookmarks</source>
        <translation>書籤</translation>
    </message>
    <message>
        <source>Filter bookmarks and notes</source>
        <translation>篩選書籤和筆記</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Undo Delete</source>
        <translation>復原刪除(&amp;U)</translation>
    </message>
</context>
<context>
    <name>DamageCheck</name>
    <message>
        <source>The library {0} looks damaged ({1}). Quit Reader and start it again: it will set the damaged file aside and restore the newest verified backup, keeping newer bookmarks and notes.</source>
        <translation>文庫 {0} 似乎已損壞（{1}）。請結束 Reader 並重新啟動：它會把損壞的檔案移到一旁，還原最新的已驗證備份，並保留較新的書籤和筆記。</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>閱讀器</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>Include date, source and editors</source>
        <translation>包含日期、來源和編輯</translation>
    </message>
    <message>
        <source>Include bookmarks and notes</source>
        <translation>包含書籤和筆記</translation>
    </message>
    <message>
        <source>Bilingual: original and converted, block by block</source>
        <translation>對照：原文與轉換後文字逐段並列</translation>
    </message>
    <message>
        <source>Use the corrected version (conversion check)</source>
        <translation>使用修正後的版本（轉換檢查）</translation>
    </message>
    <message>
        <source>Start with a UTF-8 byte order mark (for Windows tools)</source>
        <translation>檔案開頭加上 UTF-8 位元組順序標記（供 Windows 工具使用）</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter（美規信紙）</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>匯出資料夾</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Script:</source>
        <translation>字體(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>紙張(&amp;P)：</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>資料夾(&amp;O)：</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>檔名(&amp;N)：</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>匯出至資料夾</translation>
    </message>
    <message>
        <source>The folder {0} does not exist.</source>
        <translation>資料夾 {0} 不存在。</translation>
    </message>
    <message>
        <source>{0} exists already.</source>
        <translation>{0} 已存在。</translation>
    </message>
    <message>
        <source>{0} exists. Replace it?</source>
        <translation>{0} 已存在。要取代嗎？</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在匯出…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消匯出，未寫入任何檔案。</translation>
    </message>
    <message>
        <source>The export failed: {0}</source>
        <translation>匯出失敗：{0}</translation>
    </message>
    <message>
        <source>Exported to {0}.</source>
        <translation>已匯出至 {0}。</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article</source>
        <translation>在文章中尋找</translation>
    </message>
    <message>
        <source>Previous hit (Shift+F3)</source>
        <translation>上一處 (Shift+F3)</translation>
    </message>
    <message>
        <source>Next hit (F3)</source>
        <translation>下一處 (F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>關閉 (Esc)</translation>
    </message>
    <message>
        <source>no hits</source>
        <translation>沒有找到</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>第 {0} 處，共 {1} 處</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <source>Glossary</source>
        <translation>詞彙表</translation>
    </message>
    <message>
        <source>Each row keeps a term as you want it after conversion: the text as it stands in the article, what to show instead, and the scripts it applies to (empty for all: simplified, traditional, taiwan, taiwan-phrases, hongkong).</source>
        <translation>每一列保存一個你希望轉換後使用的詞彙：文章中的原文、改為顯示的文字，以及適用的字體（留空表示全部：simplified、traditional、taiwan、taiwan-phrases、hongkong）。</translation>
    </message>
    <message>
        <source>Glossary entries</source>
        <translation>詞彙條目</translation>
    </message>
    <message>
        <source>In the article</source>
        <translation>文章中</translation>
    </message>
    <message>
        <source>Show as</source>
        <translation>顯示為</translation>
    </message>
    <message>
        <source>Scripts</source>
        <translation>字體</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import TSV…</source>
        <translation>匯入 TSV(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export TSV…</source>
        <translation>匯出 TSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Row {0}: the term in the article is empty.</source>
        <translation>第 {0} 列：文章中的詞彙為空白。</translation>
    </message>
    <message>
        <source>Row {0}: {1}</source>
        <translation>第 {0} 列：{1}</translation>
    </message>
    <message>
        <source>{0}: cannot be read (not UTF-8 text).</source>
        <translation>{0}：無法讀取（不是 UTF-8 文字）。</translation>
    </message>
    <message>
        <source>{0} entries imported from {1}.</source>
        <translation>已從 {1} 匯入 {0} 個條目。</translation>
    </message>
    <message>
        <source>{0} entries exported to {1}.</source>
        <translation>已將 {0} 個條目匯出至 {1}。</translation>
    </message>
    <message>
        <source>Import Glossary</source>
        <translation>匯入詞彙表</translation>
    </message>
    <message>
        <source>Tab-separated (*.tsv *.txt);;All files (*)</source>
        <translation>Tab 分隔 (*.tsv *.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Export Glossary</source>
        <translation>匯出詞彙表</translation>
    </message>
    <message>
        <source>glossary.tsv</source>
        <translation>詞彙表.tsv</translation>
    </message>
    <message>
        <source>Tab-separated (*.tsv)</source>
        <translation>Tab 分隔 (*.tsv)</translation>
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
        <translation>網頁 ({0})</translation>
    </message>
    <message>
        <source>Web archives ({0})</source>
        <translation>網頁封存檔 ({0})</translation>
    </message>
    <message>
        <source>Markdown ({0})</source>
        <translation>Markdown 檔案 ({0})</translation>
    </message>
    <message>
        <source>Text files ({0})</source>
        <translation>文字檔 ({0})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有檔案 (*)</translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation>匯入檔案</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>匯入資料夾</translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message>
        <source>Importing…</source>
        <translation>正在匯入…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>匯入</translation>
    </message>
    <message>
        <source>Importing… {0} files so far
{1}</source>
        <translation>正在匯入…已處理 {0} 個檔案
{1}</translation>
    </message>
    <message>
        <source>The import failed: {0}</source>
        <translation>匯入失敗：{0}</translation>
    </message>
    <message>
        <source>{0} articles imported; {1} files could not be imported.</source>
        <translation>已匯入 {0} 篇文章；{1} 個檔案無法匯入。</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message>
        <source>Move to &amp;Trash</source>
        <translation>移到垃圾桶(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Undo Delete</source>
        <translation>復原刪除(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>還原(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>清空垃圾桶(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Move to Section…</source>
        <translation>移到欄目(&amp;M)…</translation>
    </message>
    <message>
        <source>Re&amp;name Section…</source>
        <translation>重新命名欄目(&amp;N)…</translation>
    </message>
    <message>
        <source>Mark as R&amp;ead</source>
        <translation>標為已讀(&amp;E)</translation>
    </message>
    <message>
        <source>Mark as U&amp;nread</source>
        <translation>標為未讀(&amp;N)</translation>
    </message>
    <message>
        <source>Sort by &amp;Date</source>
        <translation>依日期排序(&amp;D)</translation>
    </message>
    <message>
        <source>Sort by T&amp;itle</source>
        <translation>依標題排序(&amp;I)</translation>
    </message>
    <message>
        <source>Nothing Was Changed</source>
        <translation>未做任何變更</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>移到垃圾桶</translation>
    </message>
    <message>
        <source>{0} of these articles have bookmarks or notes. Move them to the Trash? They stay there, with their notes, until the Trash is emptied.</source>
        <translation>其中 {0} 篇文章有書籤或筆記。要移到垃圾桶嗎？在清空垃圾桶之前，它們連同筆記都會留在那裡。</translation>
    </message>
    <message>
        <source>{0} moved to the Trash. Undo with Ctrl+Z.</source>
        <translation>已將 {0} 移到垃圾桶。按 Ctrl+Z 可復原。</translation>
    </message>
    <message>
        <source>{0} restored.</source>
        <translation>已還原 {0}。</translation>
    </message>
    <message>
        <source>Delete for Good</source>
        <translation>永久刪除</translation>
    </message>
    <message>
        <source>Delete {0} articles for good? This cannot be undone.</source>
        <translation>永久刪除 {0} 篇文章嗎？此動作無法復原。</translation>
    </message>
    <message>
        <source>{0} deleted for good.</source>
        <translation>已永久刪除 {0}。</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>清空垃圾桶</translation>
    </message>
    <message>
        <source>Delete the {0} articles in the Trash for good? This cannot be undone.</source>
        <translation>永久刪除垃圾桶中的 {0} 篇文章嗎？此動作無法復原。</translation>
    </message>
    <message>
        <source>The Trash is empty.</source>
        <translation>垃圾桶是空的。</translation>
    </message>
    <message>
        <source>Move to Section</source>
        <translation>移到欄目</translation>
    </message>
    <message>
        <source>Section (levels joined by /):</source>
        <translation>欄目（各層以 / 分隔）：</translation>
    </message>
    <message>
        <source>{0} moved to {1}.</source>
        <translation>已將 {0} 移到 {1}。</translation>
    </message>
    <message>
        <source>Rename Section</source>
        <translation>重新命名欄目</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名稱：</translation>
    </message>
    <message>
        <source>Section renamed to {0}.</source>
        <translation>欄目已重新命名為 {0}。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reader</source>
        <translation>閱讀器</translation>
    </message>
    <message>
        <source>Filter titles</source>
        <translation>篩選標題</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>{0} — Reader</source>
        <translation>{0} — 閱讀器</translation>
    </message>
    <message>
        <source>That article is not in the library (or hidden by the filter).</source>
        <translation>書庫中沒有這篇文章（或已被篩選隱藏）。</translation>
    </message>
    <message>
        <source>Open Link</source>
        <translation>開啟連結</translation>
    </message>
    <message>
        <source>Open this link in your web browser?
{0}</source>
        <translation>要在網頁瀏覽器中開啟這個連結嗎？
{0}</translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation>已有匯入正在進行。</translation>
    </message>
    <message>
        <source>{0} added, {1} updated, {2} already in the library, {3} failed</source>
        <translation>新增 {0} 篇，更新 {1} 篇，{2} 篇已在書庫中，{3} 篇失敗</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>Import &amp;Files…</source>
        <translation>匯入檔案(&amp;F)…</translation>
    </message>
    <message>
        <source>Import F&amp;older…</source>
        <translation>匯入資料夾(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>Show &amp;Outline</source>
        <translation>顯示大綱(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Filter Titles</source>
        <translation>篩選標題(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
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
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>使用指南(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Reader</source>
        <translation>關於閱讀器(&amp;A)</translation>
    </message>
    <message>
        <source>Next &amp;Pane</source>
        <translation>下一個窗格(&amp;P)</translation>
    </message>
    <message>
        <source>Previous Pa&amp;ne</source>
        <translation>上一個窗格(&amp;N)</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <source>Outline</source>
        <translation>大綱</translation>
    </message>
    <message>
        <source>No headings</source>
        <translation>沒有標題</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Same as the system</source>
        <translation>跟隨系統</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>介面語言</translation>
    </message>
    <message>
        <source>Default display script</source>
        <translation>預設顯示字體</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主題</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Sepia</source>
        <translation>米黃</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Reading font</source>
        <translation>閱讀字型</translation>
    </message>
    <message>
        <source>Serif (Song/Ming)</source>
        <translation>襯線（明體）</translation>
    </message>
    <message>
        <source>Sans-serif (Hei)</source>
        <translation>無襯線（黑體）</translation>
    </message>
    <message>
        <source>Text size in pixels</source>
        <translation>字級（像素）</translation>
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
        <translation>書庫資料夾</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>選擇(&amp;C)…</translation>
    </message>
    <message>
        <source>Choose the library folder</source>
        <translation>選擇書庫資料夾</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>保留的備份數</translation>
    </message>
    <message>
        <source>A week of daily, then weekly</source>
        <translation>一週內每日一份，之後每週一份</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>Display &amp;script:</source>
        <translation>顯示字體(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主題(&amp;T)：</translation>
    </message>
    <message>
        <source>Reading &amp;font:</source>
        <translation>閱讀字型(&amp;F)：</translation>
    </message>
    <message>
        <source>Text si&amp;ze:</source>
        <translation>字級(&amp;Z)：</translation>
    </message>
    <message>
        <source>Line spa&amp;cing:</source>
        <translation>行距(&amp;C)：</translation>
    </message>
    <message>
        <source>Library f&amp;older:</source>
        <translation>書庫資料夾(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Backups kept:</source>
        <translation>保留備份(&amp;B)：</translation>
    </message>
    <message>
        <source>The folder is set by READER_HOME or --library for this run.</source>
        <translation>本次執行的書庫資料夾由 READER_HOME 或 --library 指定。</translation>
    </message>
    <message>
        <source>Language and library folder take effect when Reader next starts.</source>
        <translation>介面語言和書庫資料夾在下次啟動閱讀器時生效。</translation>
    </message>
    <message>
        <source>Library Folder</source>
        <translation>書庫資料夾</translation>
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
        <translation>複製段落(&amp;P)</translation>
    </message>
    <message>
        <source>Bookmark &amp;Selection…</source>
        <translation>將選取文字加入書籤(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Bookmark Paragraph…</source>
        <translation>將段落加入書籤(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>ScriptOptions</name>
    <message>
        <source>Side by &amp;Side</source>
        <translation>並排對照(&amp;S)</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Simplified (Mainland)</source>
        <translation>簡體（中國大陸）</translation>
    </message>
    <message>
        <source>Traditional (OpenCC Standard)</source>
        <translation>繁體（OpenCC 標準）</translation>
    </message>
    <message>
        <source>Traditional, Taiwan</source>
        <translation>繁體（台灣）</translation>
    </message>
    <message>
        <source>Taiwan, with Taiwan Phrasing</source>
        <translation>繁體（台灣用語）</translation>
    </message>
    <message>
        <source>Traditional, Hong Kong</source>
        <translation>繁體（香港）</translation>
    </message>
    <message>
        <source>Display script</source>
        <translation>顯示字體</translation>
    </message>
    <message>
        <source>Script the article is shown in (Ctrl+1 to Ctrl+6)</source>
        <translation>文章顯示所用的字體（Ctrl+1 至 Ctrl+6）</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search all articles (either script)</source>
        <translation>搜尋所有文章（繁簡皆可）</translation>
    </message>
    <message>
        <source>Find in Library</source>
        <translation>在文庫中搜尋</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜尋…</translation>
    </message>
    <message>
        <source>No articles found</source>
        <translation>沒有找到文章</translation>
    </message>
    <message>
        <source>{0} articles</source>
        <translation>{0} 篇文章</translation>
    </message>
    <message>
        <source>The search could not be run: {0}</source>
        <translation>無法進行搜尋：{0}</translation>
    </message>
</context>
<context>
    <name>SearchTools</name>
    <message>
        <source>Find in Library</source>
        <translation>在文庫中搜尋</translation>
    </message>
    <message>
        <source>Find in Article</source>
        <translation>在文章中尋找</translation>
    </message>
    <message>
        <source>Find in &amp;Library…</source>
        <translation>在文庫中搜尋(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation>在文章中尋找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>找下一個(&amp;N)</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>找上一個(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Clear the title filter</source>
        <translation>清除標題篩選</translation>
    </message>
    <message>
        <source>From the title filter into the list</source>
        <translation>從標題篩選框進入清單</translation>
    </message>
    <message>
        <source>Move between the list, the article and the panels</source>
        <translation>在清單、內文和面板之間切換</translation>
    </message>
    <message>
        <source>Open the article or section chosen in the list</source>
        <translation>開啟清單中選取的文章或欄目</translation>
    </message>
    <message>
        <source>Delete the chosen bookmark (Bookmarks panel)</source>
        <translation>刪除選取的書籤（書籤面板）</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
</context>
<context>
    <name>TitleFilter</name>
    <message>
        <source>No matches</source>
        <translation>沒有符合的標題</translation>
    </message>
    <message>
        <source>Filter result</source>
        <translation>篩選結果</translation>
    </message>
</context>
<context>
    <name>TranslationTools</name>
    <message>
        <source>&amp;Check Conversion</source>
        <translation>檢查轉換(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Glossary…</source>
        <translation>詞彙表(&amp;G)…</translation>
    </message>
    <message>
        <source>Conversion Check</source>
        <translation>轉換檢查</translation>
    </message>
    <message>
        <source>&amp;Script</source>
        <translation>字體(&amp;S)</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>字體</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>No article is open.</source>
        <translation>沒有開啟的文章。</translation>
    </message>
    <message>
        <source>This check is for Traditional text; this article is Simplified.</source>
        <translation>此檢查適用於繁體文字；這篇文章是簡體。</translation>
    </message>
    <message>
        <source>Checking the conversion…</source>
        <translation>正在檢查轉換…</translation>
    </message>
    <message>
        <source>The check could not run: {0}</source>
        <translation>無法進行檢查：{0}</translation>
    </message>
</context>
<context>
    <name>ViewOptions</name>
    <message>
        <source>&amp;Theme</source>
        <translation>主題(&amp;T)</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>跟隨系統(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>淺色(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;epia</source>
        <translation>米黃(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Font</source>
        <translation>字型(&amp;F)</translation>
    </message>
    <message>
        <source>S&amp;erif</source>
        <translation>襯線(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Sans</source>
        <translation>無襯線(&amp;S)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>實際大小(&amp;A)</translation>
    </message>
</context>
</TS>
