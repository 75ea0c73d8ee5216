#!/bin/sh
# Check a built Linux archive as a person would use it: unpack it, install it into a
# fresh home folder, validate the menu entry and AppStream data where they landed, start
# the installed program (which makes its data folder), then uninstall and check that only
# the data is left.   Usage: sh packaging/linux/check.sh dist/Reciprocity-*.tar.gz
set -eu

archive=$1
scratch=$(mktemp -d "${TMPDIR:-/tmp}/reciprocity-check.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
home="$scratch/home"
mkdir -p "$home" "$scratch/unpacked"

tar -xzf "$archive" -C "$scratch/unpacked"
top=$(find "$scratch/unpacked" -mindepth 1 -maxdepth 1 -type d)
env -i HOME="$home" PATH="$PATH" sh "$top/install.sh"

share="$home/.local/share"
entry=$(find "$share/applications" -name '*.desktop')
metainfo=$(find "$share/metainfo" -name '*.metainfo.xml')
desktop-file-validate "$entry"
appstreamcli validate --no-net "$metainfo"
icon=$(sed -n 's/^Icon=//p' "$entry")
for size in 16x16 32x32 48x48 64x64 128x128 256x256 512x512; do
    test -f "$share/icons/hicolor/$size/apps/$icon.png"
done
test -f "$share/icons/hicolor/scalable/apps/$icon.svg"

# The installed program, started as the menu would, on this home's own data folder.
said=$(env -i HOME="$home" PATH="$PATH" QT_QPA_PLATFORM=offscreen \
    "$home/.local/bin/reciprocity" --smoke-test 2>/dev/null)
case "$said" in
    "ok "*) echo "installed program: $said" ;;
    *) echo "check.sh: the installed program's smoke test said: $said" >&2; exit 1 ;;
esac
test -f "$share/Reciprocity/reciprocity.sqlite3"
env -i HOME="$home" PATH="$PATH" "$home/.local/bin/reciprocity" --version

env -i HOME="$home" PATH="$PATH" sh "$home/.local/lib/reciprocity/uninstall.sh"
left=$(cd "$home" && find . -type f ! -path './.local/share/Reciprocity/*' \
    ! -path './.config/Reciprocity/*' ! -path './.local/state/Reciprocity/*' \
    ! -name mimeinfo.cache ! -name icon-theme.cache | sort)
if [ -n "$left" ]; then
    echo "check.sh: uninstall.sh left these behind:" >&2
    echo "$left" >&2
    exit 1
fi
test -f "$share/Reciprocity/reciprocity.sqlite3"
echo "check.sh: $archive installs, starts, validates and uninstalls cleanly."
