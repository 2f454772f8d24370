<#
.SYNOPSIS
    Build the Windows OsteoDesk bundle (dist\OsteoDesk\) and its per-user installer
    (dist\OsteoDesk-<version>-windows-x64-setup.exe).

.DESCRIPTION
    Run from any folder in a clean checkout, in Windows PowerShell 5.1 or PowerShell 7:

        powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1

    Needs 64-bit Python 3.11 (the "py" launcher) and, for the installer, Inno Setup 6 (iscc.exe on
    PATH or in its default folder). Creates .venv in the checkout if there is none, installs the
    project with the "package" dependency group (PyInstaller), builds with packaging\osteodesk.spec,
    checks that the bundle starts, then compiles packaging\windows\osteodesk.iss.

.PARAMETER SkipInstaller
    Build and check the bundle only (no Inno Setup needed).
#>
[CmdletBinding()]
param(
    [switch]$SkipInstaller
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

function Invoke-Native {
    # Run a program and stop the build when it fails (native programs do not throw on their own).
    param([string]$Program, [string[]]$Arguments)
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "$Program $($Arguments -join ' ') failed with exit code $LASTEXITCODE"
    }
}

function Find-Iscc {
    $onPath = Get-Command "iscc.exe" -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    $candidates = @(
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
    )
    foreach ($candidate in $candidates) {
        if (Test-Path $candidate) { return $candidate }
    }
    throw "Inno Setup 6 not found: install it (winget install JRSoftware.InnoSetup) or pass -SkipInstaller"
}

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root
$Started = Get-Date
$Python = Join-Path $Root ".venv\Scripts\python.exe"

if (-not (Test-Path $Python)) {
    Write-Host "build-windows: creating .venv with Python 3.11 (64-bit)"
    Invoke-Native "py" @("-3.11", "-m", "venv", ".venv")
}
$Bits = & $Python -c "import struct; print(struct.calcsize('P') * 8)"
if ($Bits -ne "64") {
    throw ".venv uses a $Bits-bit Python; the bundle and installer are x64: recreate it with 64-bit Python 3.11"
}

# pip 25.1 is the first to install dependency groups (--group).
Invoke-Native $Python @("-m", "pip", "install", "--quiet", "--upgrade", "pip>=25.1")
Invoke-Native $Python @("-m", "pip", "install", "--quiet", "-e", ".", "--group", "package")

$Version = (& $Python -c "import osteodesk; print(osteodesk.__version__)").Trim()
Write-Host "build-windows: PyInstaller bundle of OsteoDesk $Version"
Invoke-Native $Python @(
    "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller-windows", "packaging\osteodesk.spec"
)

# A bundle that cannot even print its version must not become an installer.
$Bundle = Join-Path $Root "dist\OsteoDesk"
$Reported = (& (Join-Path $Bundle "osteodesk.exe") --version | Out-String).Trim()
if ($LASTEXITCODE -ne 0 -or -not $Reported.Contains($Version)) {
    throw "the bundle reports '$Reported', expected version $Version"
}
if (-not (Test-Path (Join-Path $Bundle "osteodeskw.exe"))) {
    throw "dist\OsteoDesk\osteodeskw.exe (the windowed executable) is missing"
}
Write-Host "build-windows: $Reported"

# Open the window off screen and let it quit by itself: proves every Qt DLL and plugin loads.
$SmokeData = Join-Path $Root "build\smoke-data"
$env:QT_QPA_PLATFORM = "offscreen"
$env:OSTEODESK_QUIT_AFTER_MS = "500"
$env:OSTEODESK_DATA_DIR = $SmokeData
try {
    Invoke-Native (Join-Path $Bundle "osteodesk.exe") @("gui")
} finally {
    Remove-Item Env:QT_QPA_PLATFORM, Env:OSTEODESK_QUIT_AFTER_MS, Env:OSTEODESK_DATA_DIR
    Remove-Item -Recurse -Force $SmokeData -ErrorAction SilentlyContinue
}
Write-Host "build-windows: the window opens and closes"

$SizeMB = [math]::Round(((Get-ChildItem $Bundle -Recurse -File | Measure-Object Length -Sum).Sum / 1MB), 0)
Write-Host "build-windows: dist\OsteoDesk is $SizeMB MB"

if (-not $SkipInstaller) {
    $Iscc = Find-Iscc
    Invoke-Native $Iscc @("/Q", "/DAppVersion=$Version", "packaging\windows\osteodesk.iss")
    $Setup = Join-Path $Root "dist\OsteoDesk-$Version-windows-x64-setup.exe"
    $SetupMB = [math]::Round(((Get-Item $Setup).Length / 1MB), 0)
    Write-Host "build-windows: $Setup ($SetupMB MB)"
}

$Seconds = [math]::Round(((Get-Date) - $Started).TotalSeconds, 0)
Write-Host "build-windows: done in $Seconds s"
