"""Folders that are bad homes for a live database: cloud-synced and network ones. No Qt.

SQLite's own guidance: a sync program copies the file while it is being written, and
network file systems get locking wrong, so either can corrupt a database in use.
Everything here only reads names and the mount table; nothing is written.
"""

from __future__ import annotations

import fnmatch
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath

#: Folder names the sync programs create (compared without regard to case).
CLOUD_FOLDERS = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "box sync": "Box",
    "pcloud drive": "pCloud",
    "pclouddrive": "pCloud",
    "megasync": "MEGA",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
}
#: Names too common to trust anywhere: only right inside the home folder.
HOME_CLOUD_FOLDERS = {"box": "Box", "mega": "MEGA", "pcloud": "pCloud"}
#: Names with an account or company after them: "Dropbox (Acme)", "OneDrive - Acme".
CLOUD_PREFIXES = (("dropbox (", "Dropbox"), ("onedrive - ", "OneDrive"))
#: ~/Library/CloudStorage/<Provider>-<account>, where macOS puts every File Provider.
CLOUD_STORAGE_PROVIDERS = (
    ("googledrive", "Google Drive"),
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("box", "Box"),
    ("pcloud", "pCloud"),
    ("mega", "MEGA"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
)
#: What a sync program keeps in the top of the folder it syncs, whatever its name. Only
#: files count for Dropbox: its settings folder ~/.dropbox is in the home folder itself.
SYNC_MARKERS = (
    (".stfolder", "Syncthing", False),
    (".dropbox", "Dropbox", True),
    (".sync_*.db", "Nextcloud or ownCloud", True),
    ("._sync_*.db", "Nextcloud or ownCloud", True),
    (".owncloudsync.log", "Nextcloud or ownCloud", True),
)
#: File system types of network mounts, and what to call them.
NETWORK_FILE_SYSTEMS = {
    "nfs": "NFS",
    "nfs4": "NFS",
    "cifs": "SMB",
    "smb3": "SMB",
    "smbfs": "SMB",
    "fuse.sshfs": "SSHFS",
    "sshfs": "SSHFS",
    "osxfuse": "a network file system",
    "macfuse": "a network file system",
    "9p": "9P",
    "afpfs": "AFP",
    "afs": "AFS",
    "webdav": "WebDAV",
    "davfs": "WebDAV",
    "fuse.davfs2": "WebDAV",
    "fuse.rclone": "rclone",
    "fuse.gvfsd-fuse": "a GNOME network mount",
    "ceph": "Ceph",
    "glusterfs": "GlusterFS",
    "fuse.glusterfs": "GlusterFS",
    "lustre": "Lustre",
}
DRIVE_REMOTE = 4  # GetDriveTypeW


@dataclass(frozen=True)
class Mount:
    """One line of the mount table."""

    point: str
    fs_type: str
    source: str = ""


def _service_of(folder: PurePath, home: PurePath | None) -> str | None:
    """The sync service whose folder *folder* is, by its name and where it is."""
    name, parent = folder.name.casefold(), folder.parent
    if name in CLOUD_FOLDERS:
        return CLOUD_FOLDERS[name]
    for prefix, service in CLOUD_PREFIXES:
        if name.startswith(prefix):
            return service
    if home is not None and parent == home and name in HOME_CLOUD_FOLDERS:
        return HOME_CLOUD_FOLDERS[name]
    if parent.name.casefold() == "cloudstorage" and parent.parent.name.casefold() == "library":
        return next((s for p, s in CLOUD_STORAGE_PROVIDERS if name.startswith(p)), "cloud")
    if name == "mobile documents" and parent.name.casefold() == "library":
        return "iCloud Drive"
    return None


def _cloud_folder_reason(path: PurePath, home: PurePath | None) -> str | None:
    for folder in path.parents:
        service = _service_of(folder, home)
        if service == "cloud":
            return "is inside a folder that a cloud storage program keeps in sync"
        if service is not None:
            return f"is inside your {service} folder"
    return None


def _marker_reason(path: Path) -> str | None:
    for folder in path.parents:
        try:
            with os.scandir(folder) as entries:
                hidden = [(e.name.casefold(), e.is_file()) for e in entries if e.name[0] == "."]
        except OSError:  # a folder we may not list tells us nothing
            continue
        for pattern, service, file_only in SYNC_MARKERS:
            if any(fnmatch.fnmatchcase(n, pattern) and (f or not file_only) for n, f in hidden):
                return f"is inside a folder that {service} keeps in sync"
    return None


def _unescape_mount_field(field: str) -> str:
    """/proc/self/mounts writes space, tab, newline and backslash as octal escapes."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def parse_proc_mounts(text: str) -> list[Mount]:
    """The mount table of Linux (/proc/self/mounts)."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            source, point, fs_type = (_unescape_mount_field(f) for f in fields[:3])
            mounts.append(Mount(point, fs_type, source))
    return mounts


def parse_mount_output(text: str) -> list[Mount]:
    """The mount table as macOS and the BSDs print it: 'source on /point (type, options)'."""
    mounts = []
    for line in text.splitlines():
        source, on, rest = line.partition(" on ")
        point, paren, options = rest.rpartition(" (")
        if on and paren:
            mounts.append(Mount(point, options.split(",")[0].strip(" )"), source))
    return mounts


def mount_of(path: PurePath, mounts: list[Mount]) -> Mount | None:
    """The mount that holds *path*: the longest mount point above it."""
    best = None
    for mount in mounts:
        point = PurePath(mount.point)
        if (path == point or point in path.parents) and (
            best is None or len(point.parts) >= len(PurePath(best.point).parts)
        ):
            best = mount  # a later mount on the same point hides the earlier one
    return best


def _network_mount_reason(path: PurePath, mounts: list[Mount]) -> str | None:
    mount = mount_of(path, mounts)
    if mount is None:
        return None
    kind = NETWORK_FILE_SYSTEMS.get(mount.fs_type.lower())
    return f"is on a network drive ({kind})" if kind else None


def system_mounts() -> list[Mount]:
    """This computer's mount table; empty where it cannot be read."""
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/self/mounts", encoding="utf-8", errors="replace") as table:
                return parse_proc_mounts(table.read())
        except OSError:
            return []
    if sys.platform == "darwin" or "bsd" in sys.platform:
        # statvfs has no file system type here; `mount` lists it and answers at once.
        try:
            result = subprocess.run(
                ["/sbin/mount"], capture_output=True, text=True, timeout=2, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return []
        return parse_mount_output(result.stdout)
    return []


def _windows_drive_type(root: str) -> int:
    """What Windows says the drive at *root* is; 0 (unknown) on any other system."""
    if sys.platform != "win32":
        return 0
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))


def windows_network_reason(
    path: PureWindowsPath, drive_type: Callable[[str], int] | None = None
) -> str | None:
    """UNC paths (\\\\server\\share) and drive letters mapped to a network share."""
    text = str(path)
    if text.startswith("\\\\?\\UNC\\"):
        text = "\\" + text[len("\\\\?\\UNC") :]
    elif text.startswith("\\\\?\\"):
        text = text[len("\\\\?\\") :]  # a long local path, not a share
    if text.startswith("\\\\"):
        server_share = "\\".join(text.split("\\")[:4])
        return f"is on a network share ({server_share})"
    drive = PureWindowsPath(text).drive
    is_letter = len(drive) == 2 and drive[1] == ":"
    if is_letter and (drive_type or _windows_drive_type)(drive + "\\") == DRIVE_REMOTE:
        return f"is on a network drive ({drive.upper()})"
    return None


def risky_location(
    path: str | os.PathLike[str],
    *,
    home: PurePath | None = None,
    mounts: list[Mount] | None = None,
    windows: bool | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> str | None:
    """Why *path* is a risky place for a live database, in words ('is inside your Dropbox
    folder', 'is on a network drive (NFS)'), or None when it is an ordinary local folder.

    *home*, *mounts*, *windows* and *drive_type* stand in for this computer in tests.
    """
    on_windows = sys.platform == "win32"
    if windows if windows is not None else on_windows:
        # Resolving turns a mapped drive letter into the share it stands for.
        pure = PureWindowsPath(Path(path).resolve() if on_windows else path)
        if home is None and on_windows:
            home = PureWindowsPath(Path.home())
        reason = windows_network_reason(pure, drive_type) or _cloud_folder_reason(pure, home)
        return reason or (_marker_reason(Path(pure)) if on_windows else None)
    resolved = Path(path).expanduser().resolve()
    home = home if home is not None else Path.home().resolve()
    return (
        _cloud_folder_reason(resolved, home)
        or _marker_reason(resolved)
        or _network_mount_reason(resolved, system_mounts() if mounts is None else mounts)
    )
