"""Cloud-synced and network folders are told apart from ordinary local ones."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

import pytest

from desktop import locations
from desktop.locations import Mount, risky_location

LOCAL = [Mount("/", "ext4", "/dev/sda1")]


@pytest.fixture
def home(tmp_path):
    folder = tmp_path / "home" / "ada"
    folder.mkdir(parents=True)
    return folder


def reason(path, home, mounts=LOCAL):
    return risky_location(path, home=home, mounts=mounts, windows=False)


def test_an_ordinary_local_folder_is_fine(home):
    assert reason(home / "Documents" / "network.sqlite3", home) is None
    assert reason(home / "network.sqlite3", home) is None


@pytest.mark.parametrize(
    ("folder", "service"),
    [
        ("Dropbox", "Dropbox"),
        ("Dropbox (Acme Corp)", "Dropbox"),
        ("OneDrive", "OneDrive"),
        ("OneDrive - Acme Corp", "OneDrive"),
        ("Google Drive", "Google Drive"),
        ("GoogleDrive", "Google Drive"),
        ("My Drive", "Google Drive"),
        ("iCloudDrive", "iCloud Drive"),
        ("Box Sync", "Box"),
        ("pCloud Drive", "pCloud"),
        ("pCloudDrive", "pCloud"),
        ("MEGAsync", "MEGA"),
        ("Nextcloud", "Nextcloud"),
        ("ownCloud", "ownCloud"),
    ],
)
def test_sync_folders_by_name_anywhere(home, folder, service):
    path = home / "work" / folder / "jobs" / "network.sqlite3"
    assert reason(path, home) == f"is inside your {service} folder"


@pytest.mark.parametrize(("folder", "service"), [("Box", "Box"), ("MEGA", "MEGA")])
def test_common_words_count_only_right_in_the_home_folder(home, folder, service):
    assert reason(home / folder / "network.sqlite3", home) == f"is inside your {service} folder"
    assert reason(home / "projects" / folder / "network.sqlite3", home) is None


def test_icloud_drive_on_a_mac(home):
    path = home / "Library" / "Mobile Documents" / "com~apple~CloudDocs" / "network.sqlite3"
    assert reason(path, home) == "is inside your iCloud Drive folder"


@pytest.mark.parametrize(
    ("provider", "service"),
    [
        ("GoogleDrive-ada@example.com", "Google Drive"),
        ("OneDrive-Personal", "OneDrive"),
        ("Box-Box", "Box"),
    ],
)
def test_the_mac_cloud_storage_folder(home, provider, service):
    path = home / "Library" / "CloudStorage" / provider / "network.sqlite3"
    assert reason(path, home) == f"is inside your {service} folder"


def test_an_unknown_cloud_storage_provider_is_still_named_as_synced(home):
    path = home / "Library" / "CloudStorage" / "Acme-Files" / "network.sqlite3"
    assert reason(path, home) == "is inside a folder that a cloud storage program keeps in sync"


def test_syncthing_by_its_marker_in_an_ancestor_folder(home):
    shared = home / "shared"
    (shared / ".stfolder").mkdir(parents=True)
    path = shared / "deep" / "er" / "network.sqlite3"
    assert reason(path, home) == "is inside a folder that Syncthing keeps in sync"


def test_a_renamed_dropbox_by_its_marker_file_but_not_the_settings_folder(home):
    (home / ".dropbox").mkdir()  # Dropbox's settings, in the home folder itself
    assert reason(home / "network.sqlite3", home) is None
    synced = home / "Files"
    synced.mkdir()
    (synced / ".dropbox").write_text("{}")
    assert (
        reason(synced / "network.sqlite3", home) == "is inside a folder that Dropbox keeps in sync"
    )


def test_nextcloud_by_its_journal(home):
    synced = home / "Work files"
    synced.mkdir()
    (synced / ".sync_3a9c0e1f.db").write_bytes(b"")
    assert "Nextcloud or ownCloud" in reason(synced / "network.sqlite3", home)


@pytest.mark.parametrize(
    ("fs_type", "words"),
    [
        ("nfs", "NFS"),
        ("nfs4", "NFS"),
        ("cifs", "SMB"),
        ("smb3", "SMB"),
        ("smbfs", "SMB"),
        ("fuse.sshfs", "SSHFS"),
        ("9p", "9P"),
        ("afpfs", "AFP"),
        ("davfs", "WebDAV"),
        ("webdav", "WebDAV"),
    ],
)
def test_network_mounts(home, fs_type, words):
    mounts = [*LOCAL, Mount(str(home / "net"), fs_type, "server:/export")]
    assert reason(home / "net" / "network.sqlite3", home, mounts) == (
        f"is on a network drive ({words})"
    )
    assert reason(home / "network.sqlite3", home, mounts) is None


def test_the_longest_mount_point_decides(home):
    mounts = [
        *LOCAL,
        Mount(str(home), "nfs4", "files:/home/ada"),
        Mount(str(home / "scratch"), "ext4", "/dev/sdb1"),
    ]
    assert reason(home / "scratch" / "network.sqlite3", home, mounts) is None
    assert reason(home / "notes" / "network.sqlite3", home, mounts) == (
        "is on a network drive (NFS)"
    )


def test_a_mount_point_that_only_starts_alike_is_another_folder(home):
    mounts = [*LOCAL, Mount(str(home / "net"), "nfs", "server:/export")]
    assert reason(home / "network" / "network.sqlite3", home, mounts) is None


def test_the_linux_mount_table_is_read_with_its_escapes():
    table = (
        "/dev/sda1 / ext4 rw,relatime 0 0\n"
        "//nas/my\\040share /mnt/my\\040share cifs rw,vers=3.0 0 0\n"
        "nas:/export /srv/nfs nfs4 rw 0 0\n"
    )
    mounts = locations.parse_proc_mounts(table)
    assert Mount("/mnt/my share", "cifs", "//nas/my share") in mounts
    assert locations.mount_of(PurePosixPath("/mnt/my share/x.sqlite3"), mounts) == Mount(
        "/mnt/my share", "cifs", "//nas/my share"
    )


def test_the_mac_mount_output_is_read():
    output = (
        "/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n"
        "//ada@nas._smb._tcp.local/Files on /Volumes/Files (smbfs, nodev, nosuid, mounted by ada)\n"
        "nas:/export on /Volumes/export (nfs)\n"
        "map auto_home on /System/Volumes/Data/home (autofs, automounted, nobrowse)\n"
    )
    mounts = locations.parse_mount_output(output)
    assert Mount("/Volumes/Files", "smbfs", "//ada@nas._smb._tcp.local/Files") in mounts
    assert Mount("/Volumes/export", "nfs", "nas:/export") in mounts
    assert Mount("/", "apfs", "/dev/disk3s1s1") in mounts


def local_drive(root):
    return 3  # DRIVE_FIXED


def remote_drive(root):
    return locations.DRIVE_REMOTE


@pytest.mark.parametrize(
    ("path", "words"),
    [
        (r"\\nas\files\jobs\network.sqlite3", r"is on a network share (\\nas\files)"),
        (r"\\?\UNC\nas\files\network.sqlite3", r"is on a network share (\\nas\files)"),
    ],
)
def test_windows_shares(path, words):
    assert risky_location(path, windows=True, drive_type=local_drive) == words


def test_windows_mapped_network_drives():
    path = r"Z:\jobs\network.sqlite3"
    assert risky_location(path, windows=True, drive_type=remote_drive) == (
        "is on a network drive (Z:)"
    )
    assert risky_location(path, windows=True, drive_type=local_drive) is None
    assert (
        risky_location(r"\\?\C:\jobs\network.sqlite3", windows=True, drive_type=local_drive) is None
    )


@pytest.mark.parametrize(
    ("path", "words"),
    [
        (r"C:\Users\Ada\OneDrive - Acme\network.sqlite3", "is inside your OneDrive folder"),
        (r"G:\My Drive\network.sqlite3", "is inside your Google Drive folder"),
        (r"C:\Users\Ada\Box\network.sqlite3", "is inside your Box folder"),
        (r"C:\Users\Ada\Documents\network.sqlite3", None),
    ],
)
def test_windows_sync_folders(path, words):
    home = PureWindowsPath(r"C:\Users\Ada")
    assert risky_location(path, windows=True, home=home, drive_type=local_drive) == words
