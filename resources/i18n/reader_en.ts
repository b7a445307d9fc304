<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Reader</source>
            <translation>About Reader</translation>
        </message>
        <message>
            <source>An offline reader for Chinese articles.</source>
            <translation>An offline reader for Chinese articles.</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>Versions</translation>
        </message>
        <message>
            <source>Library: {0}</source>
            <translation>Library: {0}</translation>
        </message>
        <message>
            <source>Library folder</source>
            <translation>Library folder</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Reader</source>
            <translation>Reader</translation>
        </message>
        <message>
            <source> (details in {0})</source>
            <translation> (details in {0})</translation>
        </message>
        <message>
            <source>Something went wrong: {0}{1}</source>
            <translation>Something went wrong: {0}{1}</translation>
        </message>
        <message>
            <source>{0}: no article with this id in the library</source>
            <translation>{0}: no article with this id in the library</translation>
        </message>
        <message>
            <source>Upgrading the library for this version of Reader. A backup is taken first, which can take a while for a large library.</source>
            <translation>Upgrading the library for this version of Reader. A backup is taken first, which can take a while for a large library.</translation>
        </message>
        <message>
            <source>The library is damaged. Setting it aside and restoring the newest verified backup…</source>
            <translation>The library is damaged. Setting it aside and restoring the newest verified backup…</translation>
        </message>
    </context>
    <context>
        <name>ArticleDocumentView</name>
        <message>
            <source>↑ The previous part of this article</source>
            <translation>↑ The previous part of this article</translation>
        </message>
        <message>
            <source>↓ The next part of this article</source>
            <translation>↓ The next part of this article</translation>
        </message>
        <message>
            <source>↓ The rest of this paragraph, and the next part of this article</source>
            <translation>↓ The rest of this paragraph, and the next part of this article</translation>
        </message>
        <message>
            <source>This paragraph is too long to show in full at this size: zoom out, widen the window or turn Side by Side off to read it all.</source>
            <translation>This paragraph is too long to show in full at this size: zoom out, widen the window or turn Side by Side off to read it all.</translation>
        </message>
    </context>
    <context>
        <name>ArticleListModel</name>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>Trash</translation>
        </message>
        <message>
            <source>Unsorted</source>
            <translation>Unsorted</translation>
        </message>
        <message>
            <source>Samples</source>
            <translation>Samples</translation>
        </message>
        <message>
            <source>{name} ({count})</source>
            <translation>{name} ({count})</translation>
        </message>
        <message>
            <source>{name}
{count} articles</source>
            <translation>{name}
{count} articles</translation>
        </message>
        <message>
            <source>{0} unread</source>
            <translation>{0} unread</translation>
        </message>
    </context>
    <context>
        <name>AuditPanel</name>
        <message>
            <source>Conversion check</source>
            <translation>Conversion check</translation>
        </message>
        <message>
            <source>Hide variant forms</source>
            <translation>Hide variant forms</translation>
        </message>
        <message>
            <source>Findings that only choose between accepted variant forms, such as 布/佈</source>
            <translation>Findings that only choose between accepted variant forms, such as 布/佈</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>Findings</translation>
        </message>
        <message>
            <source>&amp;Accept</source>
            <translation>&amp;Accept</translation>
        </message>
        <message>
            <source>Accept A&amp;ll</source>
            <translation>Accept A&amp;ll</translation>
        </message>
        <message>
            <source>Accept All takes &amp;variant forms too</source>
            <translation>Accept All takes &amp;variant forms too</translation>
        </message>
        <message>
            <source>Variant forms are accepted spellings; Accept All leaves them unless this is on</source>
            <translation>Variant forms are accepted spellings; Accept All leaves them unless this is on</translation>
        </message>
        <message>
            <source>&amp;Revert to Original</source>
            <translation>&amp;Revert to Original</translation>
        </message>
        <message>
            <source>variant</source>
            <translation>variant</translation>
        </message>
        <message>
            <source>error</source>
            <translation>error</translation>
        </message>
        <message>
            <source>{0} errors and {1} variant forms found; {2} accepted.</source>
            <translation>{0} errors and {1} variant forms found; {2} accepted.</translation>
        </message>
        <message>
            <source>Revert to Original</source>
            <translation>Revert to Original</translation>
        </message>
        <message>
            <source>Discard the {0} fixes accepted in this article?</source>
            <translation>Discard the {0} fixes accepted in this article?</translation>
        </message>
    </context>
    <context>
        <name>BookmarkDialog</name>
        <message>
            <source>Bookmark</source>
            <translation>Bookmark</translation>
        </message>
        <message>
            <source>Passage</source>
            <translation>Passage</translation>
        </message>
        <message>
            <source>A note (optional)</source>
            <translation>A note (optional)</translation>
        </message>
        <message>
            <source>Note:</source>
            <translation>Note:</translation>
        </message>
    </context>
    <context>
        <name>BookmarkTools</name>
        <message>
            <source>&amp;Bookmark Article</source>
            <translation>&amp;Bookmark Article</translation>
        </message>
        <message>
            <source>&amp;Bookmarks</source>
            <translation>&amp;Bookmarks</translation>
        </message>
        <message>
            <source>&amp;Continue Reading</source>
            <translation>&amp;Continue Reading</translation>
        </message>
        <message>
            <source>Export &amp;Bookmarks…</source>
            <translation>Export &amp;Bookmarks…</translation>
        </message>
        <message>
            <source>Import Boo&amp;kmarks…</source>
            <translation>Import Boo&amp;kmarks…</translation>
        </message>
        <message>
            <source>Bookmarks</source>
            <translation>Bookmarks</translation>
        </message>
        <message>
            <source>Loading bookmarks…</source>
            <translation>Loading bookmarks…</translation>
        </message>
        <message>
            <source>{0} bookmarks.</source>
            <translation>{0} bookmarks.</translation>
        </message>
        <message>
            <source>The note could not be saved ({0}); it is kept here.</source>
            <translation>The note could not be saved ({0}); it is kept here.</translation>
        </message>
        <message>
            <source>The bookmark could not be deleted ({0}).</source>
            <translation>The bookmark could not be deleted ({0}).</translation>
        </message>
        <message>
            <source>Bookmark deleted. Undo with Ctrl+Z.</source>
            <translation>Bookmark deleted. Undo with Ctrl+Z.</translation>
        </message>
        <message>
            <source>The bookmark could not be restored ({0}).</source>
            <translation>The bookmark could not be restored ({0}).</translation>
        </message>
        <message>
            <source>The bookmark could not be saved ({0}).</source>
            <translation>The bookmark could not be saved ({0}).</translation>
        </message>
        <message>
            <source>Article bookmarked.</source>
            <translation>Article bookmarked.</translation>
        </message>
        <message>
            <source>Export Bookmarks</source>
            <translation>Export Bookmarks</translation>
        </message>
        <message>
            <source>bookmarks.json</source>
            <translation>bookmarks.json</translation>
        </message>
        <message>
            <source>Bookmarks exported to {0}.</source>
            <translation>Bookmarks exported to {0}.</translation>
        </message>
        <message>
            <source>Import Bookmarks</source>
            <translation>Import Bookmarks</translation>
        </message>
        <message>
            <source>The bookmarks could not be imported: {0}</source>
            <translation>The bookmarks could not be imported: {0}</translation>
        </message>
        <message>
            <source>Importing bookmarks…</source>
            <translation>Importing bookmarks…</translation>
        </message>
        <message>
            <source>{0} bookmarks added, {1} updated, {2} already here.</source>
            <translation>{0} bookmarks added, {1} updated, {2} already here.</translation>
        </message>
        <message>
            <source>{0} got a new id: theirs belongs to a bookmark on another article.</source>
            <translation>{0} got a new id: theirs belongs to a bookmark on another article.</translation>
        </message>
        <message>
            <source>{0} not valid and left out; the first: {1}.</source>
            <translation>{0} not valid and left out; the first: {1}.</translation>
        </message>
    </context>
    <context>
        <name>BookmarksModel</name>
        <message>
            <source>Article not in the library ({0})</source>
            <translation>Article not in the library ({0})</translation>
        </message>
        <message>
            <source>Passage</source>
            <translation>Passage</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>The whole article</source>
            <translation>The whole article</translation>
        </message>
        <message>
            <source> (passage not found)</source>
            <translation> (passage not found)</translation>
        </message>
        <message>
            <source>{0} (not saved)</source>
            <translation>{0} (not saved)</translation>
        </message>
    </context>
    <context>
        <name>BookmarksPanel</name>
        <message>
            <source>Bookmarks</source>
            <translation>Bookmarks</translation>
        </message>
        <message>
            <source>Filter bookmarks and notes</source>
            <translation>Filter bookmarks and notes</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Delete</translation>
        </message>
        <message>
            <source>&amp;Undo Delete</source>
            <translation>&amp;Undo Delete</translation>
        </message>
    </context>
    <context>
        <name>DamageCheck</name>
        <message>
            <source>The library {0} looks damaged ({1}). Quit Reader and start it again: it will set the damaged file aside and restore the newest verified backup, keeping newer bookmarks and notes.</source>
            <translation>The library {0} looks damaged ({1}). Quit Reader and start it again: it will set the damaged file aside and restore the newest verified backup, keeping newer bookmarks and notes.</translation>
        </message>
        <message>
            <source>Reader</source>
            <translation>Reader</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
        <message>
            <source>Include date, source and editors</source>
            <translation>Include date, source and editors</translation>
        </message>
        <message>
            <source>Include bookmarks and notes</source>
            <translation>Include bookmarks and notes</translation>
        </message>
        <message>
            <source>Bilingual: original and converted, block by block</source>
            <translation>Bilingual: original and converted, block by block</translation>
        </message>
        <message>
            <source>Use the corrected version (conversion check)</source>
            <translation>Use the corrected version (conversion check)</translation>
        </message>
        <message>
            <source>Start with a UTF-8 byte order mark (for Windows tools)</source>
            <translation>Start with a UTF-8 byte order mark (for Windows tools)</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>Export folder</source>
            <translation>Export folder</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Browse…</translation>
        </message>
        <message>
            <source>&amp;Format:</source>
            <translation>&amp;Format:</translation>
        </message>
        <message>
            <source>&amp;Script:</source>
            <translation>&amp;Script:</translation>
        </message>
        <message>
            <source>&amp;Paper:</source>
            <translation>&amp;Paper:</translation>
        </message>
        <message>
            <source>F&amp;older:</source>
            <translation>F&amp;older:</translation>
        </message>
        <message>
            <source>File &amp;name:</source>
            <translation>File &amp;name:</translation>
        </message>
        <message>
            <source>untitled</source>
            <translation>untitled</translation>
        </message>
        <message>
            <source>Export to Folder</source>
            <translation>Export to Folder</translation>
        </message>
        <message>
            <source>The folder {0} does not exist.</source>
            <translation>The folder {0} does not exist.</translation>
        </message>
        <message>
            <source>{0} exists already.</source>
            <translation>{0} exists already.</translation>
        </message>
        <message>
            <source>{0} exists. Replace it?</source>
            <translation>{0} exists. Replace it?</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>Cancelling…</translation>
        </message>
        <message>
            <source>Export cancelled; nothing was written.</source>
            <translation>Export cancelled; nothing was written.</translation>
        </message>
        <message>
            <source>The export failed: {0}</source>
            <translation>The export failed: {0}</translation>
        </message>
        <message>
            <source>Exported to {0}.</source>
            <translation>Exported to {0}.</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>Find in article</source>
            <translation>Find in article</translation>
        </message>
        <message>
            <source>Previous hit (Shift+F3)</source>
            <translation>Previous hit (Shift+F3)</translation>
        </message>
        <message>
            <source>Next hit (F3)</source>
            <translation>Next hit (F3)</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <source>no hits</source>
            <translation>no hits</translation>
        </message>
        <message>
            <source>{0} of {1}</source>
            <translation>{0} of {1}</translation>
        </message>
    </context>
    <context>
        <name>GlossaryDialog</name>
        <message>
            <source>Glossary</source>
            <translation>Glossary</translation>
        </message>
        <message>
            <source>Each row keeps a term as you want it after conversion: the text as it stands in the article, what to show instead, and the scripts it applies to (empty for all: simplified, traditional, taiwan, taiwan-phrases, hongkong).</source>
            <translation>Each row keeps a term as you want it after conversion: the text as it stands in the article, what to show instead, and the scripts it applies to (empty for all: simplified, traditional, taiwan, taiwan-phrases, hongkong).</translation>
        </message>
        <message>
            <source>Glossary entries</source>
            <translation>Glossary entries</translation>
        </message>
        <message>
            <source>In the article</source>
            <translation>In the article</translation>
        </message>
        <message>
            <source>Show as</source>
            <translation>Show as</translation>
        </message>
        <message>
            <source>Scripts</source>
            <translation>Scripts</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Add</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Remove</translation>
        </message>
        <message>
            <source>&amp;Import TSV…</source>
            <translation>&amp;Import TSV…</translation>
        </message>
        <message>
            <source>&amp;Export TSV…</source>
            <translation>&amp;Export TSV…</translation>
        </message>
        <message>
            <source>Row {0}: the term in the article is empty.</source>
            <translation>Row {0}: the term in the article is empty.</translation>
        </message>
        <message>
            <source>Row {0}: {1}</source>
            <translation>Row {0}: {1}</translation>
        </message>
        <message>
            <source>{0}: cannot be read (not UTF-8 text).</source>
            <translation>{0}: cannot be read (not UTF-8 text).</translation>
        </message>
        <message>
            <source>{0} entries imported from {1}.</source>
            <translation>{0} entries imported from {1}.</translation>
        </message>
        <message>
            <source>{0} entries exported to {1}.</source>
            <translation>{0} entries exported to {1}.</translation>
        </message>
        <message>
            <source>Import Glossary</source>
            <translation>Import Glossary</translation>
        </message>
        <message>
            <source>Tab-separated (*.tsv *.txt);;All files (*)</source>
            <translation>Tab-separated (*.tsv *.txt);;All files (*)</translation>
        </message>
        <message>
            <source>Export Glossary</source>
            <translation>Export Glossary</translation>
        </message>
        <message>
            <source>glossary.tsv</source>
            <translation>glossary.tsv</translation>
        </message>
        <message>
            <source>Tab-separated (*.tsv)</source>
            <translation>Tab-separated (*.tsv)</translation>
        </message>
    </context>
    <context>
        <name>GuideDialog</name>
        <message>
            <source>User Guide</source>
            <translation>User Guide</translation>
        </message>
        <message>
            <source>User guide</source>
            <translation>User guide</translation>
        </message>
        <message>
            <source>The user guide is missing: {0}</source>
            <translation>The user guide is missing: {0}</translation>
        </message>
    </context>
    <context>
        <name>ImportDialogs</name>
        <message>
            <source>Articles ({0})</source>
            <translation>Articles ({0})</translation>
        </message>
        <message>
            <source>Web pages ({0})</source>
            <translation>Web pages ({0})</translation>
        </message>
        <message>
            <source>Web archives ({0})</source>
            <translation>Web archives ({0})</translation>
        </message>
        <message>
            <source>Markdown ({0})</source>
            <translation>Markdown ({0})</translation>
        </message>
        <message>
            <source>Text files ({0})</source>
            <translation>Text files ({0})</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <source>Import Files</source>
            <translation>Import Files</translation>
        </message>
        <message>
            <source>Import Folder</source>
            <translation>Import Folder</translation>
        </message>
    </context>
    <context>
        <name>ImportRunner</name>
        <message>
            <source>Importing…</source>
            <translation>Importing…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Importing… {0} files so far
{1}</source>
            <translation>Importing… {0} files so far
{1}</translation>
        </message>
        <message>
            <source>The import failed: {0}</source>
            <translation>The import failed: {0}</translation>
        </message>
        <message>
            <source>{0} articles imported; {1} files could not be imported.</source>
            <translation>{0} articles imported; {1} files could not be imported.</translation>
        </message>
    </context>
    <context>
        <name>ListActions</name>
        <message>
            <source>Move to &amp;Trash</source>
            <translation>Move to &amp;Trash</translation>
        </message>
        <message>
            <source>&amp;Undo Delete</source>
            <translation>&amp;Undo Delete</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>&amp;Restore</translation>
        </message>
        <message>
            <source>&amp;Empty Trash…</source>
            <translation>&amp;Empty Trash…</translation>
        </message>
        <message>
            <source>&amp;Move to Section…</source>
            <translation>&amp;Move to Section…</translation>
        </message>
        <message>
            <source>Re&amp;name Section…</source>
            <translation>Re&amp;name Section…</translation>
        </message>
        <message>
            <source>Mark as R&amp;ead</source>
            <translation>Mark as R&amp;ead</translation>
        </message>
        <message>
            <source>Mark as U&amp;nread</source>
            <translation>Mark as U&amp;nread</translation>
        </message>
        <message>
            <source>Sort by &amp;Date</source>
            <translation>Sort by &amp;Date</translation>
        </message>
        <message>
            <source>Sort by T&amp;itle</source>
            <translation>Sort by T&amp;itle</translation>
        </message>
        <message>
            <source>Nothing Was Changed</source>
            <translation>Nothing Was Changed</translation>
        </message>
        <message>
            <source>Move to Trash</source>
            <translation>Move to Trash</translation>
        </message>
        <message>
            <source>{0} of these articles have bookmarks or notes. Move them to the Trash? They stay there, with their notes, until the Trash is emptied.</source>
            <translation>{0} of these articles have bookmarks or notes. Move them to the Trash? They stay there, with their notes, until the Trash is emptied.</translation>
        </message>
        <message>
            <source>{0} moved to the Trash. Undo with Ctrl+Z.</source>
            <translation>{0} moved to the Trash. Undo with Ctrl+Z.</translation>
        </message>
        <message>
            <source>{0} restored.</source>
            <translation>{0} restored.</translation>
        </message>
        <message>
            <source>Delete for Good</source>
            <translation>Delete for Good</translation>
        </message>
        <message>
            <source>Delete {0} articles for good? This cannot be undone.</source>
            <translation>Delete {0} articles for good? This cannot be undone.</translation>
        </message>
        <message>
            <source>{0} deleted for good.</source>
            <translation>{0} deleted for good.</translation>
        </message>
        <message>
            <source>Empty Trash</source>
            <translation>Empty Trash</translation>
        </message>
        <message>
            <source>Delete the {0} articles in the Trash for good? This cannot be undone.</source>
            <translation>Delete the {0} articles in the Trash for good? This cannot be undone.</translation>
        </message>
        <message>
            <source>The Trash is empty.</source>
            <translation>The Trash is empty.</translation>
        </message>
        <message>
            <source>Move to Section</source>
            <translation>Move to Section</translation>
        </message>
        <message>
            <source>Section (levels joined by /):</source>
            <translation>Section (levels joined by /):</translation>
        </message>
        <message>
            <source>{0} moved to {1}.</source>
            <translation>{0} moved to {1}.</translation>
        </message>
        <message>
            <source>Rename Section</source>
            <translation>Rename Section</translation>
        </message>
        <message>
            <source>New name:</source>
            <translation>New name:</translation>
        </message>
        <message>
            <source>Section renamed to {0}.</source>
            <translation>Section renamed to {0}.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Reader</source>
            <translation>Reader</translation>
        </message>
        <message>
            <source>Filter titles</source>
            <translation>Filter titles</translation>
        </message>
        <message>
            <source>Articles</source>
            <translation>Articles</translation>
        </message>
        <message>
            <source>{0} — Reader</source>
            <translation>{0} — Reader</translation>
        </message>
        <message>
            <source>That article is not in the library (or hidden by the filter).</source>
            <translation>That article is not in the library (or hidden by the filter).</translation>
        </message>
        <message>
            <source>Open Link</source>
            <translation>Open Link</translation>
        </message>
        <message>
            <source>Open this link in your web browser?
{0}</source>
            <translation>Open this link in your web browser?
{0}</translation>
        </message>
        <message>
            <source>An import is already running.</source>
            <translation>An import is already running.</translation>
        </message>
        <message>
            <source>{0} added, {1} updated, {2} already in the library, {3} failed</source>
            <translation>{0} added, {1} updated, {2} already in the library, {3} failed</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>Import &amp;Files…</source>
            <translation>Import &amp;Files…</translation>
        </message>
        <message>
            <source>Import F&amp;older…</source>
            <translation>Import F&amp;older…</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Export…</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>&amp;Preferences…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>Show &amp;Outline</source>
            <translation>Show &amp;Outline</translation>
        </message>
        <message>
            <source>&amp;Filter Titles</source>
            <translation>&amp;Filter Titles</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Go</translation>
        </message>
        <message>
            <source>&amp;Next Article</source>
            <translation>&amp;Next Article</translation>
        </message>
        <message>
            <source>&amp;Previous Article</source>
            <translation>&amp;Previous Article</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;User Guide</source>
            <translation>&amp;User Guide</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>&amp;Keyboard Shortcuts</translation>
        </message>
        <message>
            <source>&amp;About Reader</source>
            <translation>&amp;About Reader</translation>
        </message>
        <message>
            <source>Next &amp;Pane</source>
            <translation>Next &amp;Pane</translation>
        </message>
        <message>
            <source>Previous Pa&amp;ne</source>
            <translation>Previous Pa&amp;ne</translation>
        </message>
    </context>
    <context>
        <name>OutlinePanel</name>
        <message>
            <source>Outline</source>
            <translation>Outline</translation>
        </message>
        <message>
            <source>No headings</source>
            <translation>No headings</translation>
        </message>
    </context>
    <context>
        <name>Preferences</name>
        <message>
            <source>Same as the system</source>
            <translation>Same as the system</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>Preferences</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>Interface language</translation>
        </message>
        <message>
            <source>Default display script</source>
            <translation>Default display script</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>Theme</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Follow the system</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Light</translation>
        </message>
        <message>
            <source>Sepia</source>
            <translation>Sepia</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dark</translation>
        </message>
        <message>
            <source>Reading font</source>
            <translation>Reading font</translation>
        </message>
        <message>
            <source>Serif (Song/Ming)</source>
            <translation>Serif (Song/Ming)</translation>
        </message>
        <message>
            <source>Sans-serif (Hei)</source>
            <translation>Sans-serif (Hei)</translation>
        </message>
        <message>
            <source>Text size in pixels</source>
            <translation>Text size in pixels</translation>
        </message>
        <message>
            <source> px</source>
            <translation> px</translation>
        </message>
        <message>
            <source>Line spacing</source>
            <translation>Line spacing</translation>
        </message>
        <message>
            <source>Library folder</source>
            <translation>Library folder</translation>
        </message>
        <message>
            <source>&amp;Choose…</source>
            <translation>&amp;Choose…</translation>
        </message>
        <message>
            <source>Choose the library folder</source>
            <translation>Choose the library folder</translation>
        </message>
        <message>
            <source>Backups kept</source>
            <translation>Backups kept</translation>
        </message>
        <message>
            <source>A week of daily, then weekly</source>
            <translation>A week of daily, then weekly</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Language:</translation>
        </message>
        <message>
            <source>Display &amp;script:</source>
            <translation>Display &amp;script:</translation>
        </message>
        <message>
            <source>&amp;Theme:</source>
            <translation>&amp;Theme:</translation>
        </message>
        <message>
            <source>Reading &amp;font:</source>
            <translation>Reading &amp;font:</translation>
        </message>
        <message>
            <source>Text si&amp;ze:</source>
            <translation>Text si&amp;ze:</translation>
        </message>
        <message>
            <source>Line spa&amp;cing:</source>
            <translation>Line spa&amp;cing:</translation>
        </message>
        <message>
            <source>Library f&amp;older:</source>
            <translation>Library f&amp;older:</translation>
        </message>
        <message>
            <source>&amp;Backups kept:</source>
            <translation>&amp;Backups kept:</translation>
        </message>
        <message>
            <source>The folder is set by READER_HOME or --library for this run.</source>
            <translation>The folder is set by READER_HOME or --library for this run.</translation>
        </message>
        <message>
            <source>Language and library folder take effect when Reader next starts.</source>
            <translation>Language and library folder take effect when Reader next starts.</translation>
        </message>
        <message>
            <source>Library Folder</source>
            <translation>Library Folder</translation>
        </message>
    </context>
    <context>
        <name>ReaderView</name>
        <message>
            <source>Article</source>
            <translation>Article</translation>
        </message>
        <message>
            <source>Copy &amp;Paragraph</source>
            <translation>Copy &amp;Paragraph</translation>
        </message>
        <message>
            <source>Bookmark &amp;Selection…</source>
            <translation>Bookmark &amp;Selection…</translation>
        </message>
        <message>
            <source>&amp;Bookmark Paragraph…</source>
            <translation>&amp;Bookmark Paragraph…</translation>
        </message>
    </context>
    <context>
        <name>ScriptOptions</name>
        <message>
            <source>Side by &amp;Side</source>
            <translation>Side by &amp;Side</translation>
        </message>
        <message>
            <source>Original</source>
            <translation>Original</translation>
        </message>
        <message>
            <source>Simplified (Mainland)</source>
            <translation>Simplified (Mainland)</translation>
        </message>
        <message>
            <source>Traditional (OpenCC Standard)</source>
            <translation>Traditional (OpenCC Standard)</translation>
        </message>
        <message>
            <source>Traditional, Taiwan</source>
            <translation>Traditional, Taiwan</translation>
        </message>
        <message>
            <source>Taiwan, with Taiwan Phrasing</source>
            <translation>Taiwan, with Taiwan Phrasing</translation>
        </message>
        <message>
            <source>Traditional, Hong Kong</source>
            <translation>Traditional, Hong Kong</translation>
        </message>
        <message>
            <source>Display script</source>
            <translation>Display script</translation>
        </message>
        <message>
            <source>Script the article is shown in (Ctrl+1 to Ctrl+6)</source>
            <translation>Script the article is shown in (Ctrl+1 to Ctrl+6)</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message>
            <source>Search all articles (either script)</source>
            <translation>Search all articles (either script)</translation>
        </message>
        <message>
            <source>Find in Library</source>
            <translation>Find in Library</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Search results</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>Searching…</translation>
        </message>
        <message>
            <source>No articles found</source>
            <translation>No articles found</translation>
        </message>
        <message>
            <source>{0} articles</source>
            <translation>{0} articles</translation>
        </message>
        <message>
            <source>The search could not be run: {0}</source>
            <translation>The search could not be run: {0}</translation>
        </message>
    </context>
    <context>
        <name>SearchTools</name>
        <message>
            <source>Find in Library</source>
            <translation>Find in Library</translation>
        </message>
        <message>
            <source>Find in Article</source>
            <translation>Find in Article</translation>
        </message>
        <message>
            <source>Find in &amp;Library…</source>
            <translation>Find in &amp;Library…</translation>
        </message>
        <message>
            <source>&amp;Find in Article…</source>
            <translation>&amp;Find in Article…</translation>
        </message>
        <message>
            <source>Find &amp;Next</source>
            <translation>Find &amp;Next</translation>
        </message>
        <message>
            <source>Find &amp;Previous</source>
            <translation>Find &amp;Previous</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>Keyboard Shortcuts</translation>
        </message>
        <message>
            <source>Clear the title filter</source>
            <translation>Clear the title filter</translation>
        </message>
        <message>
            <source>From the title filter into the list</source>
            <translation>From the title filter into the list</translation>
        </message>
        <message>
            <source>Move between the list, the article and the panels</source>
            <translation>Move between the list, the article and the panels</translation>
        </message>
        <message>
            <source>Open the article or section chosen in the list</source>
            <translation>Open the article or section chosen in the list</translation>
        </message>
        <message>
            <source>Delete the chosen bookmark (Bookmarks panel)</source>
            <translation>Delete the chosen bookmark (Bookmarks panel)</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Keys</translation>
        </message>
    </context>
    <context>
        <name>TitleFilter</name>
        <message>
            <source>No matches</source>
            <translation>No matches</translation>
        </message>
        <message>
            <source>Filter result</source>
            <translation>Filter result</translation>
        </message>
    </context>
    <context>
        <name>TranslationTools</name>
        <message>
            <source>&amp;Check Conversion</source>
            <translation>&amp;Check Conversion</translation>
        </message>
        <message>
            <source>&amp;Glossary…</source>
            <translation>&amp;Glossary…</translation>
        </message>
        <message>
            <source>Conversion Check</source>
            <translation>Conversion Check</translation>
        </message>
        <message>
            <source>&amp;Script</source>
            <translation>&amp;Script</translation>
        </message>
        <message>
            <source>Script</source>
            <translation>Script</translation>
        </message>
        <message>
            <source>Original</source>
            <translation>Original</translation>
        </message>
        <message>
            <source>No article is open.</source>
            <translation>No article is open.</translation>
        </message>
        <message>
            <source>This check is for Traditional text; this article is Simplified.</source>
            <translation>This check is for Traditional text; this article is Simplified.</translation>
        </message>
        <message>
            <source>Checking the conversion…</source>
            <translation>Checking the conversion…</translation>
        </message>
        <message>
            <source>The check could not run: {0}</source>
            <translation>The check could not run: {0}</translation>
        </message>
    </context>
    <context>
        <name>ViewOptions</name>
        <message>
            <source>&amp;Theme</source>
            <translation>&amp;Theme</translation>
        </message>
        <message>
            <source>Follow &amp;System</source>
            <translation>Follow &amp;System</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>&amp;Light</translation>
        </message>
        <message>
            <source>S&amp;epia</source>
            <translation>S&amp;epia</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>&amp;Dark</translation>
        </message>
        <message>
            <source>&amp;Font</source>
            <translation>&amp;Font</translation>
        </message>
        <message>
            <source>S&amp;erif</source>
            <translation>S&amp;erif</translation>
        </message>
        <message>
            <source>&amp;Sans</source>
            <translation>&amp;Sans</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>Zoom &amp;In</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>Zoom &amp;Out</translation>
        </message>
        <message>
            <source>&amp;Actual Size</source>
            <translation>&amp;Actual Size</translation>
        </message>
    </context>
</TS>
