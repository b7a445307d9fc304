<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {0}{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: no article with this id in the library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleDocumentView</name>
    <message>
        <source>↑ The previous part of this article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ The next part of this article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ The rest of this paragraph, and the next part of this article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This paragraph is too long to show in full at this size: zoom out, widen the window or turn Side by Side off to read it all.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <source>Conversion check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide variant forms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings that only choose between accepted variant forms, such as 布/佈</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept A&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert to Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} errors and {1} variant forms found; {2} accepted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookmarkDialog</name>
    <message>
        <source>Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookmarkTools</name>
    <message>
        <source>&amp;Bookmark Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Bookmarks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Boo&amp;kmarks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading bookmarks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} bookmarks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note could not be saved ({0}); it is kept here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bookmark could not be deleted ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark deleted. Undo with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bookmark could not be restored ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bookmark could not be saved ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Article bookmarked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarks exported to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bookmarks could not be imported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing bookmarks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} bookmarks added, {1} updated, {2} already here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} got a new id: theirs belongs to a bookmark on another article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} not valid and left out; the first: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookmarksModel</name>
    <message>
        <source>Article not in the library ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (passage not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (not saved)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>Bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter bookmarks and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include date, source and editors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include bookmarks and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bilingual: original and converted, block by block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the corrected version (conversion check)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with a UTF-8 byte order mark (for Windows tools)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Script:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {0} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <source>Glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each row keeps a term as you want it after conversion: the text as it stands in the article, what to show instead, and the scripts it applies to (empty for all: simplified, traditional, taiwan, taiwan-phrases, hongkong).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import TSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export TSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {0}: the term in the article is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: cannot be read (not UTF-8 text).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} entries imported from {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} entries exported to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab-separated (*.tsv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab-separated (*.tsv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing… {0} files so far
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} articles imported; {1} files could not be imported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That article is not in the library (or hidden by the filter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this link in your web browser?
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader {0}
An offline reader for Chinese articles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt *.text);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An import is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} added, {1} updated, {2} already in the library, {3} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import F&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter Titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Reader</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No headings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReaderView</name>
    <message>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Paragraph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark &amp;Selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bookmark Paragraph…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptOptions</name>
    <message>
        <source>Side by &amp;Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simplified (Mainland)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traditional (OpenCC Standard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traditional, Taiwan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taiwan, with Taiwan Phrasing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traditional, Hong Kong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script the article is shown in (Ctrl+1 to Ctrl+6)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranslationTools</name>
    <message>
        <source>&amp;Check Conversion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Glossary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversion Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No article is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This check is for Traditional text; this article is Simplified.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewOptions</name>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;epia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;erif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
