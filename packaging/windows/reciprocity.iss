; Inno Setup 6 script: Reciprocity-Setup-<version>.exe, made from the PyInstaller bundle.
;
; packaging/build.py compiles it with the /D values below. Each has a default, so after
; `python packaging/build.py --bundle-only` it also compiles by hand:
;   ISCC /DAppVersion=0.1.0 /DNumericVersion=0.1.0.0 packaging\windows\reciprocity.iss
;
; The setup program installs for the current user alone, without administrator rights,
; into %LOCALAPPDATA%\Programs\Reciprocity. It adds a Start-menu entry, a desktop shortcut
; if ticked, and Reciprocity under "Open with" for .vcf and .csv files (never as their
; default program). reciprocity-cli.exe, the console twin of reciprocity.exe for scripts
; and the command line, is installed beside it; the PATH is left alone, so call it by
; its full path. The uninstaller removes the program, keeps the user's network in
; %LOCALAPPDATA%\Reciprocity, and says so.
;
; Signing (packaging/macos/SIGNING.md): /DSign with a sign tool named "signtool", given as
; ISCC "/Ssigntool=signtool sign ... $f", signs both programs, this setup program and its
; uninstaller with the releaser's certificate. Without /DSign nothing is signed.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
; Windows' version fields hold up to four numbers only: "1.2rc1" is passed as "1.2.0.0".
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
#define Publisher "The Reciprocity project"

[Setup]
; Windows finds an installed Reciprocity by this id, to upgrade or remove it: never change
; it. ({{ is how Inno Setup writes a literal brace.)
AppId={{B879E1E3-FBC1-4022-A18A-C1FDF383EB5F}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#Publisher}
AppPublisherURL={#AppURL}
AppSupportURL={#AppURL}/issues
AppUpdatesURL={#AppURL}/releases
AppCopyright=GPL-3.0-or-later
; Per user: without elevation {autopf} is %LOCALAPPDATA%\Programs, and HKA below is HKCU.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
OutputDir={#OutputDir}
OutputBaseFilename=Reciprocity-Setup-{#AppVersion}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; The bundle is 64-bit; x64compatible also admits Windows 11 on Arm, which emulates x64.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; A running Reciprocity is asked to close before its files are replaced.
CloseApplications=yes
RestartApplications=no
; Explorer rereads "Open with" after install and uninstall.
ChangesAssociations=yes
VersionInfoVersion={#NumericVersion}
VersionInfoProductVersion={#NumericVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
VersionInfoCompany={#Publisher}
VersionInfoCopyright=GPL-3.0-or-later
#ifdef Sign
SignTool=signtool
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
; %1 is the data folder.
DataKept=Your Reciprocity network is kept in %1.%n%nDelete that folder yourself if you want it removed too.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: reciprocity.exe, reciprocity-cli.exe and _internal\.
#ifdef Sign
Source: "{#SourceDir}\reciprocity.exe"; DestDir: "{app}"; Flags: ignoreversion signonce
Source: "{#SourceDir}\reciprocity-cli.exe"; DestDir: "{app}"; Flags: ignoreversion signonce
Source: "{#SourceDir}\*"; Excludes: "\reciprocity.exe,\reciprocity-cli.exe"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#else
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#endif

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "A servant-minded job search companion"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open with" for contacts files: offered, never made the default.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".vcf"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".csv"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.vcf\OpenWithList\{#AppExe}"; ValueType: none; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\.csv\OpenWithList\{#AppExe}"; ValueType: none; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The network lives in the user's data folder, never in {app}: the uninstaller leaves it
// and, unless it runs silently, says where it is.
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
