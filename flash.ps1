#!/usr/bin/env pwsh

<#
.SYNOPSIS
    Flashes nanoFramework firmware, the TagoFirmware app and its configuration onto an ESP32 board with nanoff.

.DESCRIPTION
    A thin, safe wrapper around the nanoFramework firmware flasher (nanoff, a dotnet tool). It installs nanoff
    when it is missing, validates everything before touching a board (target name, image file, and the device
    configuration, with the same validator the firmware runs), never echoes secrets, and returns nanoff's exit
    code with a hint for the common failures.

    Actions can be combined and run in this order: -MassErase, -Update, -Deploy, -Config.

    It is not a build system: -Deploy takes the .bin image that Visual Studio (or msbuild with the nanoFramework
    project system) produced. It does not configure WiFi profiles in the device's config partition; the SSID and
    password live in the TagoFirmware config file (docs/configuration.md).

    Run it as ./flash.ps1 from bash or zsh (it is executable and starts pwsh through its first line), as
    pwsh ./flash.ps1 from any shell, or, without a system-wide PowerShell 7, as dotnet pwsh ./flash.ps1 after
    dotnet tool restore in the repository.

.PARAMETER ListPorts
    Lists the serial ports nanoff can see, then exits.

.PARAMETER Port
    Serial port of the board: COM5 on Windows, /dev/ttyUSB0 or /dev/ttyACM0 on Linux, /dev/cu.usbserial-XXXX on
    macOS. Required by -MassErase, -Update, -Deploy and -Config.

.PARAMETER Target
    nanoFramework firmware target. Default ESP32_PSRAM_REV0 (runs on every classic ESP32, with or without PSRAM).
    Allowed: the ESP32 targets nanoff knows (`nanoff --listtargets --platform esp32` lists them).

.PARAMETER Update
    Flashes the nanoFramework firmware (nanoCLR) for -Target.

.PARAMETER MassErase
    Erases the whole flash first. This also erases the stored configuration (I:\tagofirmware.json) and every
    reading still queued on the device.

.PARAMETER Deploy
    Deploys the application image given with -Image. Without -Image the script builds
    firmware/TagoFirmware.Esp32 with msbuild, but only when the nanoFramework build targets are installed
    (without them msbuild silently produces no .bin, so the script checks and stops with an explanation).

.PARAMETER Image
    Path of the application deployment image (TagoFirmware.Esp32.bin).

.PARAMETER Config
    Path of a TagoFirmware JSON config. The file is checked exactly as given (its bytes) with the firmware's own
    validator (the host twin's --check-config, with -Serial/-AuthHash/-Token/-WifiPassword/-WifiSsid passed through
    the environment, never on a command line). Values given by parameter or environment then replace only the bytes
    of those string values ("tagotip.serial", "tagotip.auth_hash", "token", "wifi.password", "wifi.ssid"; the key
    must exist, empty or holding the example's placeholder;
    a different value already in the file is refused rather than overridden), the result is
    checked again, and exactly those bytes are written to I:\tagofirmware.json with nanoff's file deployment: the
    old file is deleted first (older firmware cannot overwrite a file over 1 KB), then the new one is written, and
    nanoff's output is checked, because a failed file only produces a warning there. The file is never re-serialised.
    The first run in a fresh clone builds the validator (about 20 s) and says so.

.PARAMETER Serial
    TagoTiP device serial to put into the config's "tagotip.serial" value (docs/tagoio-setup.md). Default:
    $env:TAGO_TIP_SERIAL.

.PARAMETER AuthHash
    TagoTiP Authorization hash (16 hexadecimal characters) to put into the config's "tagotip.auth_hash" value.
    Default: $env:TAGO_TIP_AUTH when it holds a hash. Never printed.

.PARAMETER AuthToken
    TagoTiP Authorization token (at + 32 hexadecimal characters): the script derives its hash here (first 8 bytes of
    the SHA-256 of the token without "at", lowercase hex) and writes only the hash; the token never reaches the board,
    the console or the validator. Default: $env:TAGO_TIP_AUTH when it holds a token. Never printed.

.PARAMETER Token
    Legacy-transport TagoIO device token to put into the config's "token" value (which must be empty or the example's placeholder).
    Default: $env:TAGO_DEVICE_TOKEN (preferred: a parameter is visible in the shell history). Never printed.

.PARAMETER WifiPassword
    WiFi password to put into the config's "wifi.password" value (which must be empty or the example's placeholder).
    Default: $env:TAGO_WIFI_PASSWORD. Never printed.

.PARAMETER WifiSsid
    WiFi network name to put into the config's "wifi.ssid" value (which must be empty or the example's placeholder).
    Default: $env:TAGO_WIFI_SSID. Not a secret, but lets one file serve sites with different networks.

.PARAMETER DryRun
    Resolves and validates everything and prints the exact nanoff command lines (secrets redacted) without
    running them or installing anything.

.EXAMPLE
    ./flash.ps1 -ListPorts

.EXAMPLE
    ./flash.ps1 -Port COM5 -Update
    Flashes the nanoFramework firmware for the default target ESP32_PSRAM_REV0.

.EXAMPLE
    $env:TAGO_TIP_AUTH = '<at... token or hash>'; ./flash.ps1 -Port /dev/ttyUSB0 -Update -Deploy -Image ./TagoFirmware.Esp32.bin -Config ./node.json -Serial node-1
    New board in one go: firmware, app, configuration (TagoTiP; the Authorization taken from the environment).

.EXAMPLE
    ./flash.ps1 -Port /dev/ttyUSB0 -Config ./node.json -DryRun
    Shows what would run, with secrets redacted.

.NOTES
    Exit codes: 0 success; nanoff's own exit code when nanoff fails (e.g. 4005, 6000); 2 invalid arguments or an
    invalid config; 3 nanoff could not be installed or found; 4 the app image could not be built;
    5 nanoff reported a problem writing the config file. On Linux and macOS an exit status keeps only its low
    8 bits, so nanoff's E4005 arrives as 165: the script prints the full nanoff error code with its hint.
#>
[CmdletBinding()]
param(
    [switch] $ListPorts,
    [string] $Port,
    [string] $Target = 'ESP32_PSRAM_REV0',
    [switch] $Update,
    [switch] $MassErase,
    [switch] $Deploy,
    [string] $Image,
    [string] $Config,
    [string] $Serial = $env:TAGO_TIP_SERIAL,
    [string] $AuthHash,
    [string] $AuthToken,
    [string] $Token = $env:TAGO_DEVICE_TOKEN,
    [string] $WifiPassword = $env:TAGO_WIFI_PASSWORD,
    [string] $WifiSsid = $env:TAGO_WIFI_SSID,
    [switch] $DryRun
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# ESP32 targets of nanoff 2.5.x (nf-interpreter README target table, plus those its auto-detection yields).
$script:Esp32Targets = @(
    'ESP32_PSRAM_REV0', 'ESP32_REV0', 'ESP32_PSRAM_XTAL26_REV0', 'ESP32_PSRAM_REV3', 'ESP32_REV3',
    'ESP32_BLE_REV0', 'ESP32_BLE_REV3', 'ESP_WROVER_KIT', 'ESP32_PICO', 'ESP32_LILYGO', 'ESP32_OLIMEX',
    'FEATHER_S2', 'KALUGA_1', 'ESP32_S2', 'ESP32_C3', 'ESP32_C3_REV3', 'XIAO_ESP32C3', 'ESP32_S3',
    'ESP32_S3_BLE', 'ESP32_S3_OCTAL', 'ESP32_S3_QUAD', 'M5Core', 'M5StickC', 'M5StickCPlus', 'M5Core2',
    'AtomS3', 'ESP32_C5_THREAD', 'ESP32_C6_THREAD', 'ESP32_H2_THREAD', 'ESP32_C61', 'ESP32_P4'
)
$script:DeviceConfigPath = 'I:\tagofirmware.json'
$script:Secrets = New-Object System.Collections.Generic.List[string]
$script:TempFiles = New-Object System.Collections.Generic.List[string]

function Say([string] $Message) { Write-Host "flash.ps1: $(Protect-Text $Message)" }
function Say-Warning([string] $Message) { Write-Host "flash.ps1: WARNING: $(Protect-Text $Message)" }
function Say-Error([string] $Message) { Write-Host "flash.ps1: ERROR: $(Protect-Text $Message)" }

# Every line the script prints goes through here, so a secret can never reach the console, even inside a
# command line, a path or nanoff's own output.
function Protect-Text([string] $Text) {
    if ($null -eq $Text) { return '' }
    foreach ($secret in $script:Secrets) {
        if (-not [string]::IsNullOrEmpty($secret)) { $Text = $Text.Replace($secret, '***') }
    }
    return $Text
}

function Format-CommandLine([string[]] $Arguments) {
    $quoted = foreach ($a in $Arguments) { if ($a -match '[\s"]') { '"' + $a.Replace('"', '\"') + '"' } else { $a } }
    return 'nanoff ' + ($quoted -join ' ')
}

function Exit-With([int] $Code) {
    Remove-TempFiles
    exit $Code
}

function Remove-TempFiles {
    foreach ($f in $script:TempFiles) {
        if (Test-Path -LiteralPath $f) { Remove-Item -LiteralPath $f -Force -ErrorAction SilentlyContinue }
    }
    $script:TempFiles.Clear()
}

function New-PrivateTempFile([string] $Extension) {
    $path = Join-Path ([System.IO.Path]::GetTempPath()) ("tagofirmware-" + [guid]::NewGuid().ToString('N') + $Extension)
    New-Item -ItemType File -Path $path -Force | Out-Null
    if (-not $IsWindows) { & chmod 600 $path }   # the file may hold the device token: owner-only
    $script:TempFiles.Add($path)
    return $path
}

# nanoff's exit codes are in the thousands (ExitCodes.cs of nanoFirmwareFlasher); on Linux and macOS a process
# exit status keeps only the low 8 bits (4005 arrives as 165), so map those back before picking a hint.
function Resolve-NanoffCode([int] $Code) {
    $known = @(2000, 2001, 2002, 2003, 4000, 4001, 4002, 4003, 4004, 4005, 6000, 6001, 9000, 9005, 9007, 9008, 9010)
    if ($known -contains $Code) { return $Code }
    foreach ($k in $known) { if (($k -band 0xFF) -eq $Code) { return $k } }
    return $Code
}

function Get-Hint([int] $Code, [string] $Output) {
    switch (Resolve-NanoffCode $Code) {
        4005 { return "could not open $Port. Is another program (serial monitor, IDE, nanoff) using it? On Linux add yourself to the 'dialout' group (sudo usermod -aG dialout `$USER, then log in again) if the error says permission denied." }
        6000 { return "could not open the serial device ${Port}: check the cable (a data cable, not charge-only), that the port exists (-ListPorts), that nothing else uses it, and on Linux that you may open /dev/tty* ('dialout' group)." }
        6001 { return 'nanoff needs a serial port: pass -Port.' }
        4000 { return 'esptool failed: hold the board''s BOOT button while flashing starts, try a lower speed or another USB cable.' }
        4001 { return "the flash size does not suit target ${Target}: check the module (-Target ESP32_REV0 for boards without PSRAM, ESP32_S3_QUAD, ...)." }
        4002 { return 'erasing the flash failed: hold BOOT while it starts, and check the power supply.' }
        4003 { return 'writing the firmware failed: try another USB cable or port; hold BOOT while it starts.' }
        9005 { return "nanoff knows no firmware for target $Target. List the valid ones with: nanoff --listtargets --platform esp32" }
        9010 { return 'no device answered: is the nanoFramework firmware on the board (-Update first)? Press RESET and try again.' }
        2000 { return 'could not connect to the nanoFramework device: press RESET, close other tools using the port, and make sure the firmware was flashed (-Update).' }
        2003 { return 'file deployment failed on the device: update the firmware (-Update) and retry.' }
        default {
            if ($Output -match '(?i)permission denied') { return "no permission on $Port. On Linux: sudo usermod -aG dialout `$USER, then log in again." }
            if ($Output -match '(?i)(busy|access.*denied|in use)') { return "$Port seems busy: close serial monitors and IDEs." }
            return $null
        }
    }
}

# Runs nanoff, echoing its output (redacted), and returns @{ Code; Output }.
function Invoke-Nanoff([string[]] $Arguments) {
    Say ('running: ' + (Format-CommandLine $Arguments))
    $output = & $script:Nanoff @Arguments 2>&1 | ForEach-Object { "$_" }
    $code = $LASTEXITCODE
    foreach ($line in $output) { Write-Host ("nanoff: " + (Protect-Text $line)) }
    return @{ Code = [int]$code; Output = ($output -join "`n") }
}

function Invoke-Step([string[]] $Arguments, [string] $What) {
    if ($DryRun) {
        Say ('would run: ' + (Format-CommandLine $Arguments))
        return
    }
    $result = Invoke-Nanoff $Arguments
    if ($result.Code -ne 0) {
        $full = Resolve-NanoffCode $result.Code
        $shown = if ($full -ne $result.Code) { "$($result.Code) (nanoff error E$full)" } else { "$($result.Code)" }
        Say-Error "$What failed: nanoff exit code $shown."
        $hint = Get-Hint $result.Code $result.Output
        if ($hint) { Say "hint: $hint" }
        Exit-With $result.Code
    }
    return $result
}

function Resolve-Nanoff {
    $cmd = Get-Command nanoff -ErrorAction SilentlyContinue
    if ($cmd) { return $cmd.Source }
    $toolDir = Join-Path $HOME '.dotnet/tools'
    $candidate = Join-Path $toolDir ($(if ($IsWindows) { 'nanoff.exe' } else { 'nanoff' }))
    if (Test-Path -LiteralPath $candidate) { return $candidate }
    if ($DryRun) {
        Say 'would run: dotnet tool install --global nanoff --allow-roll-forward'
        return 'nanoff'
    }
    # nanoff targets .NET 8; --allow-roll-forward lets it run where only a newer runtime is installed.
    Say 'nanoff not found: installing it (dotnet tool install --global nanoff --allow-roll-forward)'
    & dotnet tool install --global nanoff --allow-roll-forward 2>&1 | ForEach-Object { Write-Host "dotnet: $_" }
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $candidate)) {
        Say-Error 'could not install nanoff. Install it by hand: dotnet tool install --global nanoff --allow-roll-forward'
        Exit-With 3
    }
    $env:PATH = $toolDir + [System.IO.Path]::PathSeparator + $env:PATH
    return $candidate
}

function Get-RepoRoot { return $PSScriptRoot }

# The firmware's own validator: the host twin runs TagoFirmware.Core's config parser (the same code the ESP32
# runs at boot) on the file's bytes. A prebuilt twin is used when present; otherwise it is built and run with
# `dotnet run`. Secrets reach it only through the environment ($Secrets: name -> value, or $null to hide one the
# user's shell exported), never on a command line another user could read in the process list.
function Test-DeviceConfig([string] $Path, [hashtable] $Secrets) {
    $root = Get-RepoRoot
    $dll = Join-Path $root 'firmware/TagoFirmware.Host/bin/Release/net10.0/TagoFirmware.Host.dll'
    if ($env:TAGOFIRMWARE_TWIN_DLL) { $dll = $env:TAGOFIRMWARE_TWIN_DLL }
    $saved = @{}
    foreach ($name in $Secrets.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Secrets[$name])
    }
    try {
        if (Test-Path -LiteralPath $dll) {
            $output = & dotnet $dll --check-config $Path 2>&1 | ForEach-Object { "$_" }
        } else {
            $project = Join-Path $root 'firmware/TagoFirmware.Host'
            Say 'building the config validator (the host twin, Release) once; the first run takes about 20 s'
            $output = & dotnet run --project $project -c Release -- --check-config $Path 2>&1 | ForEach-Object { "$_" }
        }
        $code = $LASTEXITCODE
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
    foreach ($line in $output) { Write-Host ("config: " + (Protect-Text $line)) }
    return ($code -eq 0)
}

# Finds the string values of a JSON text by their key path ('token', 'wifi.password'; array elements as '[]'):
# path -> @(index of the opening quote, length including both quotes). The text has passed the device's validator
# (RFC 8259, no duplicate keys) before this runs, so a plain recursive descent suffices.
function Get-JsonStringSpans([string] $Text) {
    $spans = @{}
    $state = @{ I = 0 }
    function Skip-Ws { while ($state.I -lt $Text.Length -and " `t`r`n$([char]0xFEFF)".Contains($Text[$state.I])) { $state.I++ } }
    function Read-String {
        $start = $state.I; $state.I++
        while ($Text[$state.I] -ne '"') { if ($Text[$state.I] -eq '\') { $state.I++ }; $state.I++ }
        $state.I++
        return @($start, ($state.I - $start))
    }
    function Read-Value([string] $Path) {
        Skip-Ws
        $c = $Text[$state.I]
        if ($c -eq '{') {
            $state.I++; Skip-Ws
            if ($Text[$state.I] -eq '}') { $state.I++; return }
            while ($true) {
                Skip-Ws
                $k = Read-String
                $key = [System.Text.Json.JsonSerializer]::Deserialize($Text.Substring($k[0], $k[1]), [string])
                Skip-Ws; $state.I++   # ':'
                Read-Value ($(if ($Path) { "$Path.$key" } else { $key }))
                Skip-Ws
                if ($Text[$state.I] -eq ',') { $state.I++; continue }
                $state.I++; return    # '}'
            }
        } elseif ($c -eq '[') {
            $state.I++; Skip-Ws
            if ($Text[$state.I] -eq ']') { $state.I++; return }
            while ($true) {
                Read-Value "$Path[]"
                Skip-Ws
                if ($Text[$state.I] -eq ',') { $state.I++; continue }
                $state.I++; return    # ']'
            }
        } elseif ($c -eq '"') {
            $spans[$Path] = Read-String
        } else {
            while ($state.I -lt $Text.Length -and -not ",}] `t`r`n".Contains($Text[$state.I])) { $state.I++ }
        }
    }
    Read-Value ''
    return $spans
}

# A secret as the body of a JSON string: RFC 8259 escapes for '"', '\' and the control characters, the rest as is.
function ConvertTo-JsonStringLiteral([string] $Value) {
    $sb = New-Object System.Text.StringBuilder
    [void]$sb.Append('"')
    foreach ($ch in $Value.ToCharArray()) {
        if ($ch -eq '"') { [void]$sb.Append('\"') }
        elseif ($ch -eq '\') { [void]$sb.Append('\\') }
        elseif ([int]$ch -lt 0x20) { [void]$sb.Append(('\u{0:x4}' -f [int]$ch)) }
        else { [void]$sb.Append($ch) }
    }
    [void]$sb.Append('"')
    return $sb.ToString()
}

# The placeholder values of firmware/TagoFirmware.Host/tagofirmware.example.json: a flag or environment secret
# replaces such a value (or an empty one); a real value in the file is never silently overridden.
$script:SecretPlaceholders = @('', '00000000-0000-0000-0000-000000000000', 'example-password-not-real', 'example-network', 'example-serial', '0000000000000000')

# TagoTiP 1.0 section 2 (https://github.com/tago-io/tagotip): the hash is the first 8 bytes of the SHA-256 of the
# token's 32 hex characters (without "at"), lowercase hex; ate2bd319014b24e0a8aca9f00aea4c0d0 gives 4deedd7bab8817ec.
function Get-TipAuthHash([string] $AuthToken) {
    $digest = [System.Security.Cryptography.SHA256]::HashData([System.Text.Encoding]::UTF8.GetBytes($AuthToken.Substring(2)))
    return [System.Convert]::ToHexString($digest, 0, 8).ToLowerInvariant()
}

# -AuthHash, -AuthToken or TAGO_TIP_AUTH (a hash or a token, told apart by the "at" prefix) -> the hash, or $null.
function Resolve-TipAuthHash {
    if ($AuthHash -and $AuthToken) { Say-Error 'give the TagoTiP Authorization once: -AuthHash or -AuthToken.'; Exit-With 2 }
    $value = if ($AuthToken) { $AuthToken } elseif ($AuthHash) { $AuthHash } else { $env:TAGO_TIP_AUTH }
    if (-not $value) { return $null }
    $script:Secrets.Add($value)
    if ($value -cmatch '^at[0-9a-fA-F]{32}$') { $hash = Get-TipAuthHash $value }
    elseif (-not $AuthToken -and $value -match '^[0-9a-fA-F]{16}$') { $hash = $value.ToLowerInvariant() }
    else {
        Say-Error $(if ($AuthToken) { '-AuthToken must be "at" and 32 hexadecimal characters (value not shown).' }
            elseif ($AuthHash) { '-AuthHash must be 16 hexadecimal characters (value not shown).' }
            else { 'TAGO_TIP_AUTH must hold an Authorization hash (16 hex) or token ("at" + 32 hex); value not shown.' })
        Exit-With 2
    }
    $script:Secrets.Add($hash)
    return $hash
}

function Build-AppImage {
    $root = Get-RepoRoot
    $project = Join-Path $root 'firmware/TagoFirmware.Esp32/TagoFirmware.Esp32.nfproj'
    $msbuild = Get-Command msbuild -ErrorAction SilentlyContinue
    $extensions = @()
    if ($env:MSBuildExtensionsPath) { $extensions += $env:MSBuildExtensionsPath }
    if ($msbuild) { $extensions += (Split-Path (Split-Path (Split-Path $msbuild.Source))) }
    $targets = $extensions | ForEach-Object { Join-Path $_ 'nanoFramework/v1.0/NFProjectSystem.CSharp.targets' } | Where-Object { Test-Path -LiteralPath $_ }
    if (-not $msbuild -or -not $targets) {
        Say-Error 'no -Image given, and the nanoFramework build targets are not installed, so msbuild would silently produce no .bin. Build TagoFirmware.Esp32 in Visual Studio with the nanoFramework extension (or VS Code with its extension) and pass -Image <path>\TagoFirmware.Esp32.bin.'
        Exit-With 4
    }
    if ($DryRun) { Say "would run: msbuild $project -p:Configuration=Release -restore"; return (Join-Path (Split-Path $project) 'bin/Release/TagoFirmware.Esp32.bin') }
    & $msbuild.Source $project -p:Configuration=Release -restore -v:minimal 2>&1 | ForEach-Object { Write-Host "msbuild: $_" }
    $bin = Join-Path (Split-Path $project) 'bin/Release/TagoFirmware.Esp32.bin'
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $bin)) {
        Say-Error "msbuild did not produce $bin (exit code $LASTEXITCODE). Check that the nanoFramework extension's build targets match this project."
        Exit-With 4
    }
    return $bin
}

# --- main -----------------------------------------------------------------------------------------------
try {
    if ($Token) { $script:Secrets.Add($Token) }
    if ($WifiPassword) { $script:Secrets.Add($WifiPassword) }
    $tipHash = Resolve-TipAuthHash

    if (-not ($ListPorts -or $Update -or $MassErase -or $Deploy -or $Config)) {
        Say-Error 'nothing to do: give -ListPorts, -Update, -MassErase, -Deploy or -Config (Get-Help ./flash.ps1 -Examples).'
        Exit-With 2
    }
    if ($ListPorts) {
        $script:Nanoff = Resolve-Nanoff
        $r = Invoke-Step @('--listports') 'listing ports'
        Exit-With 0
    }
    if ([string]::IsNullOrWhiteSpace($Port)) {
        Say-Error '-Port is required for -MassErase, -Update, -Deploy and -Config (find it with -ListPorts).'
        Exit-With 2
    }
    if ($script:Esp32Targets -notcontains $Target) {
        Say-Error "-Target '$Target' is not an ESP32 target nanoff knows. Allowed: $($script:Esp32Targets -join ', ')."
        Exit-With 2
    }
    if ($Image -and -not $Deploy) {
        Say-Error '-Image is only used with -Deploy.'
        Exit-With 2
    }
    if ($Deploy -and $Image) {
        if (-not (Test-Path -LiteralPath $Image -PathType Leaf)) { Say-Error "-Image '$Image' does not exist."; Exit-With 2 }
        if ([System.IO.Path]::GetExtension($Image) -ne '.bin') { Say-Error "-Image '$Image' is not a .bin deployment image (build output <App>.bin)."; Exit-With 2 }
    }

    # Validate the configuration before anything touches the board: a bad config never reaches a device. The file
    # is checked as given (its bytes, with the device's validator), secrets from flags or the environment then
    # replace only the bytes of those string values, the result is checked again, and exactly those bytes are
    # flashed. The file is never re-serialised, so what the validator accepted is what the board parses.
    $configToDeploy = $null
    if ($Config) {
        if (-not (Test-Path -LiteralPath $Config -PathType Leaf)) { Say-Error "-Config '$Config' does not exist."; Exit-With 2 }
        $bytes = [System.IO.File]::ReadAllBytes((Resolve-Path -LiteralPath $Config).Path)
        $supplied = [ordered]@{ 'tagotip.serial' = $Serial; 'tagotip.auth_hash' = $tipHash; 'token' = $Token; 'wifi.password' = $WifiPassword; 'wifi.ssid' = $WifiSsid }
        $flags = @{ 'tagotip.serial' = '-Serial / TAGO_TIP_SERIAL'; 'tagotip.auth_hash' = '-AuthHash / -AuthToken / TAGO_TIP_AUTH'
            'token' = '-Token / TAGO_DEVICE_TOKEN'; 'wifi.password' = '-WifiPassword / TAGO_WIFI_PASSWORD'; 'wifi.ssid' = '-WifiSsid / TAGO_WIFI_SSID' }
        $checkEnv = @{
            'TAGO_TIP_SERIAL'    = $(if ($Serial) { $Serial } else { $null })
            'TAGO_TIP_AUTH'      = $tipHash   # the hash only: a token never leaves this script
            'TAGO_DEVICE_TOKEN'  = $(if ($Token) { $Token } else { $null })
            'TAGO_WIFI_PASSWORD' = $(if ($WifiPassword) { $WifiPassword } else { $null })
            'TAGO_WIFI_SSID'     = $(if ($WifiSsid) { $WifiSsid } else { $null })
        }
        Say "validating $Config with the firmware's rules"
        if (-not (Test-DeviceConfig $Config $checkEnv)) {
            Say-Error "the config is invalid (see the lines above); nothing was written to the board."
            Exit-With 2
        }
        $text = (New-Object System.Text.UTF8Encoding $false, $true).GetString($bytes)
        $spans = Get-JsonStringSpans $text
        foreach ($path in $spans.Keys) {
            if ($path -eq 'token' -or $path -eq 'wifi.password' -or $path -eq 'tagotip.auth_hash') {
                $value = [System.Text.Json.JsonSerializer]::Deserialize($text.Substring($spans[$path][0], $spans[$path][1]), [string])
                if ($value.Length -gt 0) { $script:Secrets.Add($value) }
            }
        }
        $replacements = @()
        foreach ($path in $supplied.Keys) {
            if (-not $supplied[$path]) { continue }
            $flag = $flags[$path]
            if (-not $spans.ContainsKey($path)) {
                Say-Error "$flag is set, but $Config has no string value '$path' to put it in: add it (empty, `"`") where it belongs."
                Exit-With 2
            }
            $span = $spans[$path]
            $current = [System.Text.Json.JsonSerializer]::Deserialize($text.Substring($span[0], $span[1]), [string])
            if ($current -eq $supplied[$path]) { continue }
            if ($script:SecretPlaceholders -notcontains $current) {
                Say-Error "$flag is set, but $Config already holds a different '$path': leave it empty (`"`") in the file, or do not set $flag."
                Exit-With 2
            }
            $replacements += [pscustomobject]@{ Start = $span[0]; Length = $span[1]; Literal = (ConvertTo-JsonStringLiteral $supplied[$path]) }
        }
        if ($replacements.Count -eq 0) {
            $configToDeploy = New-PrivateTempFile '.json'
            [System.IO.File]::WriteAllBytes($configToDeploy, $bytes)
        } else {
            $result = $text
            foreach ($r in @($replacements | Sort-Object Start -Descending)) {   # from the end: earlier offsets stay valid
                $result = $result.Substring(0, $r.Start) + $r.Literal + $result.Substring($r.Start + $r.Length)
            }
            $configToDeploy = New-PrivateTempFile '.json'
            [System.IO.File]::WriteAllBytes($configToDeploy, (New-Object System.Text.UTF8Encoding $false).GetBytes($result))
            Say 'checking the config again with the secrets in place (the bytes that will be written)'
            if (-not (Test-DeviceConfig $configToDeploy @{ 'TAGO_TIP_SERIAL' = $null; 'TAGO_TIP_AUTH' = $null; 'TAGO_DEVICE_TOKEN' = $null; 'TAGO_WIFI_PASSWORD' = $null; 'TAGO_WIFI_SSID' = $null })) {
                Say-Error "the config with the secrets in place is invalid (see the lines above); nothing was written to the board."
                Exit-With 2
            }
        }
        Say 'config is valid'
    }

    if ($MassErase) {
        Say-Warning "-MassErase erases the whole flash of the board on $Port, including the stored configuration ($script:DeviceConfigPath) and every reading still queued on the device."
    }

    $script:Nanoff = Resolve-Nanoff

    if ($MassErase -or $Update) {
        $arguments = @('--update', '--target', $Target, '--serialport', $Port)
        if ($MassErase) { $arguments += '--masserase' }
        if (-not $Update) { $arguments = @('--target', $Target, '--serialport', $Port, '--masserase') }
        Invoke-Step $arguments $(if ($Update) { 'firmware update' } else { 'mass erase' }) | Out-Null
    }

    if ($Deploy) {
        $appImage = $Image
        if (-not $appImage) { $appImage = Build-AppImage }
        Invoke-Step @('--target', $Target, '--serialport', $Port, '--deploy', '--image', $appImage) 'app deployment' | Out-Null
    }

    if ($Config) {
        # File deployment only warns when a file fails, and older firmware cannot overwrite a file over 1 KB
        # (nanoframework/Home#1840): delete the old file first, then write, then check nanoff's output.
        $deploySpec = New-PrivateTempFile '.deploy.json'
        $spec = [ordered]@{
            serialport = $Port
            files      = @(
                [ordered]@{ DestinationFilePath = $script:DeviceConfigPath },
                [ordered]@{ DestinationFilePath = $script:DeviceConfigPath; SourceFilePath = $configToDeploy }
            )
        }
        [System.IO.File]::WriteAllText($deploySpec, ($spec | ConvertTo-Json -Depth 5), (New-Object System.Text.UTF8Encoding $false))
        $result = Invoke-Step @('--filedeployment', $deploySpec, '--serialport', $Port) 'config deployment'
        if (-not $DryRun) {
            $failedLines = @($result.Output -split "`n" | Where-Object { $_ -match '(?i)(warn|fail|error)' -and $_ -match '(?i)(tagofirmware|file|I:)' })
            if ($failedLines.Count -gt 0) {
                Say-Error "nanoff reported a problem writing $script:DeviceConfigPath; the board may still have its old config."
                Say 'hint: update the firmware (-Update) and retry; run with -MassErase only if you accept losing queued readings.'
                Exit-With 5
            }
            Say "config written to $script:DeviceConfigPath; the node reads it at boot (press RESET)."
        }
    }

    if ($DryRun) { Say 'dry run: nothing was run.' }
    Exit-With 0
}
finally {
    Remove-TempFiles
}
