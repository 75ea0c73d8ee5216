; Inno Setup 6 script: Reciprocity-Setup-<version>.exe from the PyInstaller bundle.
; packaging/build.py compiles it with the /D values below; they have defaults so the
; script also compiles by hand after `python packaging/build.py --bundle-only`:
;   ISCC packaging\windows\reciprocity.iss
;
; The setup installs for the current user only (no administrator rights) into
; %LOCALAPPDATA%\Programs\Reciprocity, adds a Start-menu entry and, if ticked, a desktop
; shortcut, and offers Reciprocity under "Open with" for .vcf and .csv files without
; making it their default. The uninstaller removes the program and keeps the user's
; network in %LOCALAPPDATA%\Reciprocity, and says so. reciprocity-cli.exe, the console
; twin of reciprocity.exe for the command line, is installed beside it.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef NumericVersion
  #define NumericVersion "0.0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\pyinstaller\dist\reciprocity"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\reciprocity.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "Reciprocity"
#define AppExe "reciprocity.exe"
#define AppURL "https://github.com/reciprocity-app/reciprocity"

[Setup]
; Never change the AppId: Windows knows an installed Reciprocity, to upgrade it, by it.
AppId={{B879E1E3-FBC1-4022-A18A-C1FDF383EB5F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Reciprocity project
AppPublisherURL={#AppURL}
AppSupportURL={#AppURL}/issues
AppUpdatesURL={#AppURL}/releases
AppCopyright=GPL-3.0-or-later
; Per user: {autopf} is %LOCALAPPDATA%\Programs when installing without elevation.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
OutputDir={#OutputDir}
OutputBaseFilename=Reciprocity-Setup-{#AppVersion}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; A running Reciprocity is asked to close before its files are replaced.
CloseApplications=yes
RestartApplications=no
VersionInfoVersion={#NumericVersion}
VersionInfoProductVersion={#NumericVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
VersionInfoCompany=The Reciprocity project
VersionInfoCopyright=GPL-3.0-or-later

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english:DataKept=Reciprocity has been removed. Your network is kept in %1.%n%nDelete that folder yourself if you want it gone too.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "A servant-minded job search companion"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open with" for contacts files: listed, never made the default. HKA is the current
; user's hive for a per-user install.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".vcf"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".csv"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.vcf\OpenWithList\{#AppExe}"; ValueType: none; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\.csv\OpenWithList\{#AppExe}"; ValueType: none; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The network lives in the user's own data folder, never in {app}: say it stays.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
  begin
    DataDir := ExpandConstant('{localappdata}\Reciprocity');
    if DirExists(DataDir) then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
