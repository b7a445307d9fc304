#!/bin/sh
# Put Reader in the application menu: run from the unpacked bundle folder.
#   ./install.sh            for this user (~/.local)
#   sudo ./install.sh /usr/local   for everyone (PREFIX as the first argument)
# It links PREFIX/bin/reader to this folder's reader and copies the desktop file,
# metainfo and icons under PREFIX/share. Remove with ./install.sh --uninstall [PREFIX].
set -eu
APP_ID=io.github.reader_app.Reader
here=$(cd "$(dirname "$0")" && pwd)
uninstall=no
if [ "${1:-}" = "--uninstall" ]; then uninstall=yes; shift; fi
prefix=${1:-${PREFIX:-$HOME/.local}}
share=$prefix/share

if [ "$uninstall" = yes ]; then
    rm -f "$prefix/bin/reader" "$share/applications/$APP_ID.desktop" "$share/metainfo/$APP_ID.metainfo.xml"
    find "$share/icons/hicolor" -name "$APP_ID.*" -exec rm -f {} + 2>/dev/null || true
else
    [ -x "$here/reader" ] || { echo "install.sh: $here/reader is missing; run it from the bundle" >&2; exit 1; }
    mkdir -p "$prefix/bin" "$share/applications" "$share/metainfo"
    ln -sf "$here/reader" "$prefix/bin/reader"
    # The menu entry runs this bundle's reader even when PREFIX/bin is not on PATH.
    sed -e "s|^Exec=reader |Exec=\"$here/reader\" |" -e "s|^TryExec=reader\$|TryExec=$here/reader|" \
        "$here/share/applications/$APP_ID.desktop" > "$share/applications/$APP_ID.desktop"
    cp "$here/share/metainfo/$APP_ID.metainfo.xml" "$share/metainfo/"
    (cd "$here/share" && find icons -name "$APP_ID.*") | while read -r icon; do
        mkdir -p "$share/$(dirname "$icon")"
        cp "$here/share/$icon" "$share/$icon"
    done
fi
# Refresh the menu, the MIME associations and the icon cache where the tools exist.
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
if [ "$uninstall" = yes ]; then echo "Reader removed from $prefix"; else echo "Reader installed in $prefix"; fi
