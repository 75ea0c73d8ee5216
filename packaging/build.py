"""Build Reciprocity's installer for the system this runs on, into dist/.

    python packaging/build.py            # bundle, check it, make the installer
    python packaging/build.py --no-check # skip running the bundled program

Run it with a Python that has the project and its build extra installed
(`pip install -e ".[build]"`). On Linux it makes `Reciprocity-<version>-linux-<arch>.tar.gz`,
on Windows `Reciprocity-Setup-<version>.exe` (Inno Setup 6's ISCC must be installed), on
macOS `Reciprocity-<version>-macos-<arch>.dmg`. The steps are described in
packaging/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import freedesktop  # noqa: E402  (packaging/freedesktop.py)

from desktop import APP_NAME, __version__  # noqa: E402

BUILD = ROOT / "build"
DIST = ROOT / "dist"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-check", action="store_true", help="do not run the bundle")
    parser.add_argument(
        "--bundle-only", action="store_true", help="stop after the PyInstaller folder"
    )
    args = parser.parse_args(argv)
    DIST.mkdir(exist_ok=True)
    icons = make_icons()
    bundle = pyinstaller(icons)
    print(f"Bundle: {bundle} ({megabytes(folder_size(bundle))} MB)")
    if not args.no_check:
        check(bundle)
    if args.bundle_only:
        return 0
    if sys.platform.startswith("linux"):
        made = linux_archive(bundle, icons)
    elif sys.platform == "win32":
        made = windows_installer(bundle)
    elif sys.platform == "darwin":
        made = macos_disk_image(bundle)
    else:
        raise SystemExit(f"No installer recipe for {sys.platform}.")
    print(f"Made {made} ({megabytes(made.stat().st_size)} MB)")
    return 0


def make_icons() -> Path:
    out = BUILD / "icons"
    run([sys.executable, str(HERE / "icons.py"), str(out)])
    return out


def pyinstaller(icons: Path) -> Path:
    """The one-folder bundle (on macOS, the .app)."""
    env = dict(os.environ, RECIPROCITY_ICONS=str(icons))
    if sys.platform == "win32":
        version_file = BUILD / "windows" / "version_info.txt"
        version_file.parent.mkdir(parents=True, exist_ok=True)
        version_file.write_text(windows_version_info(__version__), encoding="utf-8")
        env["RECIPROCITY_VERSION_FILE"] = str(version_file)
    out = BUILD / "pyinstaller"
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level=WARN",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
            str(HERE / "reciprocity.spec"),
        ],
        env=env,
    )
    if sys.platform == "darwin":
        return out / "dist" / f"{APP_NAME}.app"
    return out / "dist" / "reciprocity"


def executable(bundle: Path, console: bool = True) -> Path:
    if sys.platform == "darwin":
        return bundle / "Contents" / "MacOS" / APP_NAME
    if sys.platform == "win32":
        return bundle / ("reciprocity-cli.exe" if console else "reciprocity.exe")
    return bundle / "reciprocity"


def check(bundle: Path) -> None:
    """Start the bundled program on a fresh database, and import a small file with it."""
    program = executable(bundle)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory(prefix="reciprocity-check-") as scratch:
        database = Path(scratch) / "check.sqlite3"
        said = capture([str(program), "--smoke-test", "--database", str(database)], env)
        if not said.startswith("ok "):
            raise SystemExit(f"The bundle's smoke test failed: {said}")
        print(f"Smoke test: {said}")
        connections = Path(scratch) / "Connections.csv"
        connections.write_text(SMALL_LINKEDIN_EXPORT, encoding="utf-8")
        said = capture(
            [str(program), "import", "linkedin", str(connections), "--database", str(database)],
            env,
        )
        if "2 new" not in said:
            raise SystemExit(f"The bundle's LinkedIn import did not add two people: {said}")
        print(f"Import: {said.splitlines()[0]}")


SMALL_LINKEDIN_EXPORT = """Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing."

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Ana,Souza,https://www.linkedin.com/in/ana-souza,ana@example.com,"Globex, Inc.",Recruiter,14 Mar 2025
Theo,Grant,https://www.linkedin.com/in/theo-grant,,Contoso,"VP, Sales",02 Jan 2024
"""


def linux_archive(bundle: Path, icons: Path) -> Path:
    """The .tar.gz a person downloads: the bundle, its desktop files and the install step."""
    machine = platform.machine() or "x86_64"
    top = f"{APP_NAME}-{__version__}-linux-{machine}"
    stage = BUILD / "linux" / top
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    shutil.copytree(bundle, stage / "reciprocity", symlinks=True)
    freedesktop.write_share(stage / "share", icons, release_date())
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(HERE / "linux" / script, stage / script)
        (stage / script).chmod(0o755)
    (stage / "README.txt").write_text(freedesktop.readme(), encoding="utf-8")
    archive = DIST / f"{top}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
        tar.add(stage, arcname=top)
    return archive


def windows_installer(bundle: Path) -> Path:
    compiler = shutil.which("iscc") or shutil.which("ISCC")
    if compiler is None:
        for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
            candidate = Path(base or "") / "Inno Setup 6" / "ISCC.exe"
            if base and candidate.is_file():
                compiler = str(candidate)
                break
    if compiler is None:
        raise SystemExit(
            "Inno Setup 6 is needed to make the Windows installer: install it "
            "(https://jrsoftware.org/isinfo.php, or `choco install innosetup`) and run again."
        )
    run(
        [
            compiler,
            "/Q",
            f"/DAppVersion={__version__}",
            f"/DNumericVersion={'.'.join(map(str, windows_version(__version__)))}",
            f"/DSourceDir={bundle}",
            f"/DIconFile={BUILD / 'icons' / 'reciprocity.ico'}",
            f"/DOutputDir={DIST}",
            str(HERE / "windows" / "reciprocity.iss"),
        ]
    )
    return DIST / f"Reciprocity-Setup-{__version__}.exe"


def macos_disk_image(app: Path) -> Path:
    machine = platform.machine() or "arm64"
    image = DIST / f"{APP_NAME}-{__version__}-macos-{machine}.dmg"
    with tempfile.TemporaryDirectory(prefix="reciprocity-dmg-") as scratch:
        stage = Path(scratch) / APP_NAME
        stage.mkdir()
        run(["ditto", str(app), str(stage / app.name)])  # keeps links and signatures
        (stage / "Applications").symlink_to("/Applications")
        image.unlink(missing_ok=True)
        run(
            [
                "hdiutil",
                "create",
                "-volname",
                APP_NAME,
                "-srcfolder",
                str(stage),
                "-fs",
                "HFS+",
                "-format",
                "UDZO",
                "-ov",
                str(image),
            ]
        )
    return image


def windows_version(version: str) -> tuple[int, int, int, int]:
    """'1.2rc1' → (1, 2, 0, 0): the four numbers of a Windows version field."""
    a, b, c, d = [*version_numbers(version), 0, 0, 0, 0][:4]
    return a, b, c, d


def windows_version_info(version: str) -> str:
    """PyInstaller's version-resource text for the Windows executables."""
    numbers = windows_version(version)
    strings = {
        "CompanyName": APP_NAME,
        "FileDescription": f"{APP_NAME}, a servant-minded job search companion",
        "FileVersion": version,
        "InternalName": "reciprocity",
        "LegalCopyright": "GPL-3.0-or-later",
        "OriginalFilename": "reciprocity.exe",
        "ProductName": APP_NAME,
        "ProductVersion": version,
    }
    table = ",\n".join(f"        StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def version_numbers(version: str) -> list[int]:
    """'1.2.3rc1' → [1, 2, 3]: the numeric parts Windows version fields hold."""
    numbers = []
    for part in version.split("."):
        digits = ""
        for char in part:
            if not char.isdigit():
                break
            digits += char
        if not digits:
            break
        numbers.append(int(digits))
        if digits != part:
            break
    return numbers


def release_date() -> str:
    """The release's date: the last commit's, so a rebuild gives the same files."""
    if stamp := os.environ.get("SOURCE_DATE_EPOCH"):
        from datetime import datetime, timezone

        return datetime.fromtimestamp(int(stamp), timezone.utc).date().isoformat()
    try:
        found = subprocess.run(
            ["git", "-C", str(ROOT), "log", "-1", "--format=%cs"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        found = ""
    if found:
        return found
    from datetime import date

    return date.today().isoformat()


def folder_size(path: Path) -> int:
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}"


def run(command: list[str], env: dict[str, str] | None = None) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, env=env)


def capture(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    said = done.stdout.strip()
    if done.returncode:
        raise SystemExit(
            f"{' '.join(command)} ended with {done.returncode}:\n{said}\n{done.stderr.strip()}"
        )
    return said


if __name__ == "__main__":
    sys.exit(main())
