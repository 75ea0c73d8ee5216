"""Reciprocity: a servant-minded job search companion."""

#: The version, in this one place: pyproject, the About box, the bundles and installers
#: all read it from here.
__version__ = "0.1.0"
APP_NAME = "Reciprocity"
#: The reverse-DNS name desktops know the program by: the Linux menu entry, its AppStream
#: data and icon, the macOS bundle identifier and the Windows installer.
APP_ID = "org.reciprocity.Reciprocity"
HOMEPAGE = "https://github.com/reciprocity-app/reciprocity"
