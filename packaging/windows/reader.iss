; Inno Setup script for Reader on Windows (Inno Setup 6.2 or later).
; Wraps the one-folder bundle that packaging/build.py makes on Windows (dist\reader\):
;   uv run python packaging\build.py
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\reader.iss
; Output: dist\Reader-0.1.0-setup.exe. Written on Linux, where neither the Windows
; bundle nor ISCC can run: see packaging/README.md for what was and was not tested.

#define AppName "Reader"
#define AppId "io.github.reader_app.Reader"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define BundleDir "..\..\dist\reader"

[Setup]
; The GUID-free AppId is the reverse-DNS application id: upgrades find the old install.
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Reader developers
AppPublisherURL=https://github.com/reader-app/reader
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator needed); the dialog offers all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6.8+ needs Windows 10 1809 or later.
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\windows\reader.ico
UninstallDisplayIcon={app}\reader.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
ChangesEnvironment=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Unofficial translations ship with Inno Setup's download, not in its compiler folder:
; copy them beside this script to offer the installer in Chinese.
Name: "zh_CN"; MessagesFile: "ChineseSimplified.isl"
Name: "zh_TW"; MessagesFile: "ChineseTraditional.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add reader-cli to PATH (the command line)"; Flags: unchecked

[Files]
; Everything the bundle holds: the executables, Python, Qt and its plugins, OpenCC's
; dictionaries, Reader's resources (samples, icons, translations).
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\reader.exe"; AppUserModelID: "{#AppId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\reader.exe"; Tasks: desktopicon; AppUserModelID: "{#AppId}"

[Registry]
; "Open with Reader" for text, Markdown, HTML and MHTML, without taking over the default
; program: the ProgID is offered in the Open with list (OpenWithProgids).
Root: HKA; Subkey: "Software\Classes\{#AppId}.Document"; ValueType: string; ValueData: "Article for Reader"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#AppId}.Document\DefaultIcon"; ValueType: string; ValueData: "{app}\reader.exe,0"
Root: HKA; Subkey: "Software\Classes\{#AppId}.Document\shell\open\command"; ValueType: string; ValueData: """{app}\reader.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "{#AppId}.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.md\OpenWithProgids"; ValueType: string; ValueName: "{#AppId}.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.markdown\OpenWithProgids"; ValueType: string; ValueName: "{#AppId}.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.html\OpenWithProgids"; ValueType: string; ValueName: "{#AppId}.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.htm\OpenWithProgids"; ValueType: string; ValueName: "{#AppId}.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.mht\OpenWithProgids"; ValueType: string; ValueName: "{#AppId}.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.mhtml\OpenWithProgids"; ValueType: string; ValueName: "{#AppId}.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\reader.exe\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""; Flags: uninsdeletekey
; The command line: reader-cli.exe on PATH (per user, or for all users in an admin install).
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}')) and not IsAdminInstallMode

[Run]
Filename: "{app}\reader.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The library, settings and backups in the user's data folders are the user's: kept.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Paths: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Paths) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;
