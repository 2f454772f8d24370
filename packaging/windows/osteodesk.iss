; Inno Setup 6 script: a per-user OsteoDesk installer from the PyInstaller bundle.
;
;   pyinstaller --noconfirm packaging\osteodesk.spec     (gives dist\OsteoDesk\)
;   iscc packaging\windows\osteodesk.iss                 (gives dist\OsteoDesk-<version>-windows-x64-setup.exe)
;
; packaging\windows\build-windows.ps1 runs both; docs\packaging.md explains the steps.
;
; No administrator rights: the program goes to %LOCALAPPDATA%\Programs\OsteoDesk. The patient
; database is never in the program folder: the app keeps it in its per-user data folder
; (platformdirs user_data_dir("OsteoDesk") = %LOCALAPPDATA%\OsteoDesk), which this installer
; never writes, an upgrade never touches and the uninstaller leaves in place.

#define AppName "OsteoDesk"
#define BundleDir SourcePath + "..\..\dist\OsteoDesk"
#define OutputFolder SourcePath + "..\..\dist"
#define IconFile SourcePath + "..\..\osteodesk\resources\icons\osteodesk.ico"

#ifnexist BundleDir + "\osteodesk.exe"
  #error dist\OsteoDesk\osteodesk.exe is missing: build the bundle first (pyinstaller packaging\osteodesk.spec)
#endif
; The version is the one osteodesk\__init__.py gives: the spec writes it into osteodesk.exe's
; version resource, so it is read back from there unless passed with /DAppVersion=...
#ifndef AppVersion
  #define AppVersion GetFileProductVersionString(BundleDir + "\osteodesk.exe")
#endif

[Setup]
; The AppId ties every version together: a new installer upgrades the old installation in place.
AppId={{AE6E205C-CAA9-45FD-B113-A3CC9E872CEA}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
; Per user, never elevated: {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; A running OsteoDesk holds files of the old version open: ask to close it first.
CloseApplications=yes
RestartApplications=no
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\osteodeskw.exe
UninstallDisplayName={#AppName}
OutputDir={#OutputFolder}
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese ships with Inno Setup only as a contributed translation; use it when present.
#ifexist CompilerPath + "Languages\ChineseSimplified.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Remove the previous version's libraries so no stale file is mixed with the new ones. Only the
; program's own folder: the database lives elsewhere (see the top of this file).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The windowed executable: no console window behind the program.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\osteodeskw.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\osteodeskw.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\osteodeskw.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The database folder the app uses: platformdirs user_data_dir("OsteoDesk", appauthor=False).
function DataFolder: String;
begin
  Result := AddBackslash(ExpandConstant('{localappdata}\{#AppName}'));
end;

// True when one folder is the other or lies inside it (compared without regard to case).
function FoldersOverlap(const A, B: String): Boolean;
var
  X, Y: String;
begin
  X := Uppercase(AddBackslash(A));
  Y := Uppercase(AddBackslash(B));
  Result := (Pos(X, Y) = 1) or (Pos(Y, X) = 1);
end;

// Refuse a program folder that contains, or lies inside, the database folder: an upgrade replaces
// the program folder and an uninstall removes it, and neither may ever reach the patient data.
function NextButtonClick(CurPageID: Integer): Boolean;
begin
  Result := True;
  if (CurPageID = wpSelectDir) and FoldersOverlap(WizardDirValue, DataFolder) then
  begin
    MsgBox('Please choose another folder: ' + WizardDirValue +
      ' overlaps the folder that holds the OsteoDesk database (' + DataFolder + ').',
      mbError, MB_OK);
    Result := False;
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataFolder) and not UninstallSilent then
    MsgBox('OsteoDesk was removed. Your patient database and backups are kept in ' +
      DataFolder + '.', mbInformation, MB_OK);
end;
