#!/bin/sh
# Install Reciprocity for this user: the program into ~/.local/lib/reciprocity, a link
# in ~/.local/bin, and its menu entry, icons and AppStream data under ~/.local/share, where
# the freedesktop.org specifications say desktops look. No administrator rights needed.
# Run it again to upgrade; ~/.local/lib/reciprocity/uninstall.sh removes what it put.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
lib="$HOME/.local/lib/reciprocity"
bin="$HOME/.local/bin"
manifest="$lib/installed-files.txt"

if [ ! -x "$here/reciprocity/reciprocity" ] || [ ! -d "$here/share" ]; then
    echo "install.sh: run it from the unpacked Reciprocity folder (reciprocity/ and share/ beside it)." >&2
    exit 1
fi

# An earlier install is replaced whole, so no file of an old version lingers.
if [ -f "$lib/uninstall.sh" ]; then
    sh "$lib/uninstall.sh" --quiet
fi

mkdir -p "$lib" "$bin"
cp -R "$here/reciprocity/." "$lib/"
cp "$here/uninstall.sh" "$lib/uninstall.sh"
chmod 755 "$lib/uninstall.sh"
: > "$manifest"

# The menu entry runs the program by its full path: ~/.local/bin is not on every
# desktop session's PATH. Quoted as the Desktop Entry specification asks.
# A backslash is written as four, and " ` $ after two (the string rule, then quoting).
exec_path=$(printf '%s' "$lib/reciprocity" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g')
cd "$here/share"
find . -type f | sort | while IFS= read -r file; do
    file=${file#./}
    target="$data_home/$file"
    mkdir -p "$(dirname -- "$target")"
    case "$file" in
        applications/*.desktop)
            while IFS= read -r line; do
                case "$line" in
                    "Exec=reciprocity "*) printf 'Exec="%s" %s\n' "$exec_path" "${line#Exec=reciprocity }" ;;
                    *) printf '%s\n' "$line" ;;
                esac
            done < "$file" > "$target" ;;
        *)
            cp "$file" "$target" ;;
    esac
    chmod 644 "$target"
    printf '%s\n' "$target" >> "$manifest"
done

ln -sf "$lib/reciprocity" "$bin/reciprocity"
printf '%s\n' "$bin/reciprocity" >> "$manifest"

# Tell the desktop, where it has the tools; a new login finds everything regardless.
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data_home/applications" 2>/dev/null || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data_home/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$data_home/icons/hicolor" 2>/dev/null || true
fi
touch "$data_home/icons/hicolor" 2>/dev/null || true

echo "Reciprocity is installed: find it in your desktop's menu, or run 'reciprocity'."
case ":$PATH:" in
    *":$bin:"*) ;;
    *) echo "(To run it by name from a terminal, add $bin to your PATH.)" ;;
esac
echo "Your network will be kept in ${data_home}/Reciprocity."
echo "To remove the program: $lib/uninstall.sh"
