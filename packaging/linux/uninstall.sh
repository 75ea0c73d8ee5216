#!/bin/sh
# Remove Reciprocity as install.sh put it: exactly the files it listed, the program
# folder and the link. Your network (~/.local/share/Reciprocity) is kept.
set -eu

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
lib="$HOME/.local/lib/reciprocity"
manifest="$lib/installed-files.txt"
quiet=${1:-}

if [ ! -f "$manifest" ]; then
    echo "uninstall.sh: Reciprocity is not installed here (no $manifest)." >&2
    exit 1
fi

while IFS= read -r file; do
    case "$file" in
        "$HOME"/*|"$data_home"/*) ;;
        *) continue ;;  # never outside the user's own folders, whatever the list says
    esac
    if [ -L "$file" ] || [ -f "$file" ]; then
        rm -f -- "$file"
        # Folders install.sh made and nothing else uses go too; rmdir keeps any in use.
        dir=$(dirname -- "$file")
        while [ "$dir" != "$data_home" ] && [ "$dir" != "$HOME" ] && rmdir -- "$dir" 2>/dev/null; do
            dir=$(dirname -- "$dir")
        done
    fi
done < "$manifest"
rm -rf -- "$lib"
rmdir -- "$HOME/.local/lib" 2>/dev/null || true

if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data_home/applications" 2>/dev/null || true
fi

if [ "$quiet" != "--quiet" ]; then
    echo "Reciprocity is removed."
    if [ -d "$data_home/Reciprocity" ]; then
        echo "Your network is kept in $data_home/Reciprocity; delete that folder yourself to remove it too."
    fi
    config_home=${XDG_CONFIG_HOME:-$HOME/.config}
    state_home=${XDG_STATE_HOME:-$HOME/.local/state}
    for kept in "$config_home/Reciprocity" "$state_home/Reciprocity"; do
        if [ -d "$kept" ]; then
            echo "Reciprocity's settings and logs are in $kept; delete it too if you want them gone."
        fi
    done
fi
