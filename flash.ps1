#!/usr/bin/env pwsh

<#
.SYNOPSIS
    Flashes nanoFramework firmware, the TagoFirmware app and its configuration onto an ESP32 board with nanoff.

.DESCRIPTION
    A thin, safe wrapper around nanoFramework's flasher nanoff (a dotnet tool, installed when missing). It validates
    everything before touching a board (target, image, and the config with the firmware's own validator), never
    prints a secret, and returns nanoff's exit code with a hint for the common failures. Actions combine and run in
    this order: -MassErase, -Update, -Deploy, -Config. WiFi settings live in the config file, not in nanoff's
    network profiles. Run it as ./flash.ps1 (bash, zsh), pwsh ./flash.ps1, or dotnet pwsh ./flash.ps1 after
    dotnet tool restore. The board path step by step: README.md; credentials: docs/tagoio-setup.md.

.PARAMETER ListPorts
    Lists the serial ports nanoff can see, then exits.

.PARAMETER Port
    Serial port of the board: COM5 on Windows, /dev/ttyUSB0 or /dev/ttyACM0 on Linux, /dev/cu.usbserial-XXXX on
    macOS. Required by -MassErase, -Update, -Deploy and -Config.

.PARAMETER Target
    nanoFramework firmware target. Default ESP32_PSRAM_REV0 (runs on every classic ESP32, with or without PSRAM).
    Allowed: the ESP32 targets nanoff knows (nanoff --listtargets --platform esp32 lists them).

.PARAMETER Update
    Flashes the nanoFramework firmware (nanoCLR) for -Target.

.PARAMETER MassErase
    Erases the whole flash first, including the stored configuration (I:\tagofirmware.json), every reading still
    queued on the device and the TagoTiP sequence counter.

.PARAMETER Deploy
    Deploys the application image given with -Image. Without -Image the script builds firmware/TagoFirmware.Esp32
    with msbuild, but only when the nanoFramework build targets are installed (without them msbuild silently
    produces no .bin).

.PARAMETER Image
    Path of the application deployment image (TagoFirmware.Esp32.bin).

.PARAMETER Config
    Path of a TagoFirmware JSON config. Its bytes are checked with the firmware's own validator (the host twin's
    --check-config; secrets reach it through the environment, never a command line). Values given by parameter or
    environment then replace only the bytes of their string values (the key must exist, empty or holding the
    example's placeholder; a different value is refused, never overridden), the result is checked again, and exactly
    those bytes, never re-serialised, are written to I:\tagofirmware.json (old file deleted first; nanoff's output
    checked). The first run in a fresh clone builds the validator (about 20 s).

.PARAMETER Serial
    TagoTiP device serial for the config's "tagotip.serial" value. Default: $env:TAGO_TIP_SERIAL.

.PARAMETER AuthHash
    TagoTiP Authorization hash (16 hexadecimal characters) for the config's "tagotip.auth_hash" value. Default:
    $env:TAGO_TIP_AUTH when it holds a hash. Never printed.

.PARAMETER AuthToken
    TagoTiP Authorization token (at + 32 hexadecimal characters): the script derives its hash on the PC and writes
    only the hash; the token never reaches the board, the console or the validator. Default: $env:TAGO_TIP_AUTH when
    it holds a token. Never printed.

.PARAMETER Token
    Legacy-transport TagoIO device token for the config's "token" value. Default: $env:TAGO_DEVICE_TOKEN
    (preferred: a parameter is visible in the shell history). Never printed.

.PARAMETER WifiPassword
    WiFi password for the config's "wifi.password" value. Default: $env:TAGO_WIFI_PASSWORD. Never printed.

.PARAMETER WifiSsid
    WiFi network name for the config's "wifi.ssid" value. Default: $env:TAGO_WIFI_SSID. Not a secret, but lets one
    file serve sites with different networks.

.PARAMETER DryRun
    Resolves and validates everything and prints the exact nanoff command lines (secrets redacted) without running
    them or installing anything.

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
    invalid config; 3 nanoff could not be installed or found; 4 the app image could not be built; 5 nanoff reported
    a problem writing the config file. On Linux and macOS an exit status keeps only its low 8 bits, so nanoff's
    E4005 arrives as 165: the script prints the full nanoff error code with its hint.
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
# The placeholder values of firmware/TagoFirmware.Host/tagofirmware.example.json: a parameter or environment value
# replaces such a value (or an empty one); a real value in the file is never silently overridden.
$script:Placeholders = @('', '00000000-0000-0000-0000-000000000000', 'example-password-not-real', 'example-network', 'example-serial', '0000000000000000')
$script:Secrets = New-Object System.Collections.Generic.List[string]
$script:TempFiles = New-Object System.Collections.Generic.List[string]

# Every line the script prints goes through here, so a secret can never reach the console, even inside a command
# line, a path or nanoff's own output.
function Protect-Text([string] $Text) {
    foreach ($secret in $script:Secrets) { $Text = $Text.Replace($secret, '***') }
    return $Text
}
function Say([string] $Message) { Write-Host "flash.ps1: $(Protect-Text $Message)" }

function Add-Secret([string] $Value) { if ($Value) { $script:Secrets.Add($Value) } }

# Ends the script with an optional error line; `exit` runs the main part's finally block, which removes the
# temporary files (they may hold secrets).
function Exit-With([int] $Code, [string] $ErrorMessage) {
    if ($ErrorMessage) { Say "ERROR: $ErrorMessage" }
    exit $Code
}

function New-PrivateTempFile([string] $Extension) {
    $path = Join-Path ([System.IO.Path]::GetTempPath()) ("tagofirmware-" + [guid]::NewGuid().ToString('N') + $Extension)
    New-Item -ItemType File -Path $path -Force | Out-Null
    if (-not $IsWindows) { & chmod 600 $path }   # the file may hold the device token: owner-only
    $script:TempFiles.Add($path)
    return $path
}

function Format-CommandLine([string[]] $Arguments) {
    $quoted = foreach ($a in $Arguments) { if ($a -match '[\s"]') { '"' + $a.Replace('"', '\"') + '"' } else { $a } }
    return 'nanoff ' + ($quoted -join ' ')
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

# Runs one nanoff step, echoing its output (redacted); on failure prints the full nanoff code with a hint and exits
# with nanoff's code. Returns @{ Code; Output }, or nothing in a dry run.
function Invoke-Step([string[]] $Arguments, [string] $What) {
    if ($DryRun) { Say ('would run: ' + (Format-CommandLine $Arguments)); return }
    Say ('running: ' + (Format-CommandLine $Arguments))
    $output = & $script:Nanoff @Arguments 2>&1 | ForEach-Object { "$_" }
    $code = [int]$LASTEXITCODE
    foreach ($line in $output) { Write-Host ("nanoff: " + (Protect-Text $line)) }
    if ($code -ne 0) {
        $full = Resolve-NanoffCode $code
        Say "ERROR: $What failed: nanoff exit code $(if ($full -ne $code) { "$code (nanoff error E$full)" } else { $code })."
        $hint = Get-Hint $code ($output -join "`n")
        if ($hint) { Say "hint: $hint" }
        Exit-With $code
    }
    return @{ Code = $code; Output = ($output -join "`n") }
}

function Resolve-Nanoff {
    $cmd = Get-Command nanoff -ErrorAction SilentlyContinue
    if ($cmd) { return $cmd.Source }
    $toolDir = Join-Path $HOME '.dotnet/tools'
    $candidate = Join-Path $toolDir ($(if ($IsWindows) { 'nanoff.exe' } else { 'nanoff' }))
    if (Test-Path -LiteralPath $candidate) { return $candidate }
    $install = 'dotnet tool install --global nanoff --allow-roll-forward'
    if ($DryRun) { Say "would run: $install"; return 'nanoff' }
    # nanoff targets .NET 8; --allow-roll-forward lets it run where only a newer runtime is installed.
    Say "nanoff not found: installing it ($install)"
    & dotnet tool install --global nanoff --allow-roll-forward 2>&1 | ForEach-Object { Write-Host ("dotnet: " + (Protect-Text "$_")) }
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $candidate)) { Exit-With 3 "could not install nanoff. Install it by hand: $install" }
    $env:PATH = $toolDir + [System.IO.Path]::PathSeparator + $env:PATH
    return $candidate
}

# The firmware's own validator: the host twin runs TagoFirmware.Core's config parser (the same code the ESP32 runs
# at boot) on the file's bytes; a prebuilt twin is used when present, else `dotnet run` builds it. The supplied
# values reach it only through the environment, never on a command line another user could read in the process
# list; -Hidden hides them all (and any the user's shell exported) to check a file that already holds them.
function Test-DeviceConfig([string] $Path, [object[]] $Supplied, [switch] $Hidden) {
    $dll = Join-Path $PSScriptRoot 'firmware/TagoFirmware.Host/bin/Release/net10.0/TagoFirmware.Host.dll'
    if ($env:TAGOFIRMWARE_TWIN_DLL) { $dll = $env:TAGOFIRMWARE_TWIN_DLL }
    $saved = @{}
    foreach ($s in $Supplied) {
        $saved[$s.Env] = [Environment]::GetEnvironmentVariable($s.Env)
        [Environment]::SetEnvironmentVariable($s.Env, $(if ($s.Value -and -not $Hidden) { $s.Value } else { $null }))
    }
    $twin = @($dll)
    if (-not (Test-Path -LiteralPath $dll)) {
        Say 'building the config validator (the host twin, Release) once; the first run takes about 20 s'
        $twin = @('run', '--project', (Join-Path $PSScriptRoot 'firmware/TagoFirmware.Host'), '-c', 'Release', '--')
    }
    try {
        $output = & dotnet @twin --check-config $Path 2>&1 | ForEach-Object { "$_" }
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
        if ($c -eq '{' -or $c -eq '[') {
            $state.I++; Skip-Ws
            if ($Text[$state.I] -eq $(if ($c -eq '{') { '}' } else { ']' })) { $state.I++; return }
            while ($true) {
                if ($c -eq '{') {
                    Skip-Ws
                    $key = ConvertFrom-JsonString $Text (Read-String)
                    Skip-Ws; $state.I++   # ':'
                    Read-Value ($(if ($Path) { "$Path.$key" } else { $key }))
                } else { Read-Value "$Path[]" }
                Skip-Ws
                if ($Text[$state.I] -eq ',') { $state.I++; continue }
                $state.I++; return    # '}' or ']'
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

# The value of the JSON string literal at $Span (@(start, length)) of $Text.
function ConvertFrom-JsonString([string] $Text, [object[]] $Span) {
    return [System.Text.Json.JsonSerializer]::Deserialize($Text.Substring($Span[0], $Span[1]), [string])
}

# A value as a JSON string literal: RFC 8259 escapes for '"', '\' and the control characters, the rest as is.
function ConvertTo-JsonString([string] $Value) {
    $escaped = [regex]::Replace($Value, '["\\\x00-\x1f]', {
        param($m) if ([int]$m.Value[0] -lt 0x20) { '\u{0:x4}' -f [int]$m.Value[0] } else { '\' + $m.Value } })
    return '"' + $escaped + '"'
}

# TagoTiP 1.0 section 2 (https://github.com/tago-io/tagotip): the hash is the first 8 bytes of the SHA-256 of the
# token's 32 hex characters (without "at"), lowercase hex; ate2bd319014b24e0a8aca9f00aea4c0d0 gives 4deedd7bab8817ec.
function Get-TipAuthHash([string] $AuthToken) {
    $digest = [System.Security.Cryptography.SHA256]::HashData([System.Text.Encoding]::UTF8.GetBytes($AuthToken.Substring(2)))
    return [System.Convert]::ToHexString($digest, 0, 8).ToLowerInvariant()
}

# -AuthHash, -AuthToken or TAGO_TIP_AUTH (a hash or a token, told apart by the "at" prefix) -> the hash, or $null.
function Resolve-TipAuthHash {
    if ($AuthHash -and $AuthToken) { Exit-With 2 'give the TagoTiP Authorization once: -AuthHash or -AuthToken.' }
    $value = if ($AuthToken) { $AuthToken } elseif ($AuthHash) { $AuthHash } else { $env:TAGO_TIP_AUTH }
    if (-not $value) { return $null }
    Add-Secret $value
    # A token's hex part is redacted too (added after the whole token, so the token still prints as one ***).
    if ($value -cmatch '^at[0-9a-fA-F]{32}$') { Add-Secret $value.Substring(2); $hash = Get-TipAuthHash $value }
    elseif (-not $AuthToken -and $value -match '^[0-9a-fA-F]{16}$') { $hash = $value.ToLowerInvariant() }
    elseif ($AuthToken) { Exit-With 2 '-AuthToken must be "at" and 32 hexadecimal characters (value not shown).' }
    elseif ($AuthHash) { Exit-With 2 '-AuthHash must be 16 hexadecimal characters (value not shown).' }
    else { Exit-With 2 'TAGO_TIP_AUTH must hold an Authorization hash (16 hex) or token ("at" + 32 hex); value not shown.' }
    Add-Secret $hash
    return $hash
}

function Build-AppImage {
    $project = Join-Path $PSScriptRoot 'firmware/TagoFirmware.Esp32/TagoFirmware.Esp32.nfproj'
    $bin = Join-Path (Split-Path $project) 'bin/Release/TagoFirmware.Esp32.bin'
    $msbuild = Get-Command msbuild -ErrorAction SilentlyContinue
    $extensions = @($env:MSBuildExtensionsPath) + $(if ($msbuild) { Split-Path (Split-Path (Split-Path $msbuild.Source)) }) | Where-Object { $_ }
    $targets = $extensions | ForEach-Object { Join-Path $_ 'nanoFramework/v1.0/NFProjectSystem.CSharp.targets' } | Where-Object { Test-Path -LiteralPath $_ }
    if (-not $msbuild -or -not $targets) {
        Exit-With 4 'no -Image given, and the nanoFramework build targets are not installed, so msbuild would silently produce no .bin. Build TagoFirmware.Esp32 in Visual Studio with the nanoFramework extension (or VS Code with its extension) and pass -Image <path>\TagoFirmware.Esp32.bin.'
    }
    if ($DryRun) { Say "would run: msbuild $project -p:Configuration=Release -restore"; return $bin }
    & $msbuild.Source $project -p:Configuration=Release -restore -v:minimal 2>&1 | ForEach-Object { Write-Host ("msbuild: " + (Protect-Text "$_")) }
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $bin)) {
        Exit-With 4 "msbuild did not produce $bin (exit code $LASTEXITCODE). Check that the nanoFramework extension's build targets match this project."
    }
    return $bin
}

# --- main -----------------------------------------------------------------------------------------------
try {
    $tipHash = Resolve-TipAuthHash
    # The config values a parameter or the environment may supply (the validator reads the same variables).
    $supplied = @(
        @{ Key = 'tagotip.serial'; From = '-Serial / TAGO_TIP_SERIAL'; Env = 'TAGO_TIP_SERIAL'; Value = $Serial; Secret = $false }
        @{ Key = 'tagotip.auth_hash'; From = '-AuthHash / -AuthToken / TAGO_TIP_AUTH'; Env = 'TAGO_TIP_AUTH'; Value = $tipHash; Secret = $true }   # the hash only: a token never leaves this script
        @{ Key = 'token'; From = '-Token / TAGO_DEVICE_TOKEN'; Env = 'TAGO_DEVICE_TOKEN'; Value = $Token; Secret = $true }
        @{ Key = 'wifi.password'; From = '-WifiPassword / TAGO_WIFI_PASSWORD'; Env = 'TAGO_WIFI_PASSWORD'; Value = $WifiPassword; Secret = $true }
        @{ Key = 'wifi.ssid'; From = '-WifiSsid / TAGO_WIFI_SSID'; Env = 'TAGO_WIFI_SSID'; Value = $WifiSsid; Secret = $false }
    )
    foreach ($s in $supplied) { if ($s.Secret) { Add-Secret $s.Value } }

    if (-not ($ListPorts -or $Update -or $MassErase -or $Deploy -or $Config)) {
        Exit-With 2 'nothing to do: give -ListPorts, -Update, -MassErase, -Deploy or -Config (Get-Help ./flash.ps1 -Examples).'
    }
    if ($ListPorts) {
        $script:Nanoff = Resolve-Nanoff
        Invoke-Step @('--listports') 'listing ports' | Out-Null
        Exit-With 0
    }
    if ([string]::IsNullOrWhiteSpace($Port)) { Exit-With 2 '-Port is required for -MassErase, -Update, -Deploy and -Config (find it with -ListPorts).' }
    if ($script:Esp32Targets -notcontains $Target) {
        Exit-With 2 "-Target '$Target' is not an ESP32 target nanoff knows. Allowed: $($script:Esp32Targets -join ', ')."
    }
    if ($Image -and -not $Deploy) { Exit-With 2 '-Image is only used with -Deploy.' }
    if ($Image -and -not (Test-Path -LiteralPath $Image -PathType Leaf)) { Exit-With 2 "-Image '$Image' does not exist." }
    if ($Image -and [System.IO.Path]::GetExtension($Image) -ne '.bin') { Exit-With 2 "-Image '$Image' is not a .bin deployment image (build output <App>.bin)." }

    # Validate the configuration before anything touches the board: a bad config never reaches a device. The file
    # is checked as given (its bytes, with the device's validator), supplied values then replace only the bytes of
    # their string values, the result is checked again, and exactly those bytes are flashed. The file is never
    # re-serialised, so what the validator accepted is what the board parses.
    if ($Config) {
        if (-not (Test-Path -LiteralPath $Config -PathType Leaf)) { Exit-With 2 "-Config '$Config' does not exist." }
        $bytes = [System.IO.File]::ReadAllBytes((Resolve-Path -LiteralPath $Config).Path)
        Say "validating $Config with the firmware's rules"
        if (-not (Test-DeviceConfig $Config $supplied)) { Exit-With 2 'the config is invalid (see the lines above); nothing was written to the board.' }
        $text = (New-Object System.Text.UTF8Encoding $false, $true).GetString($bytes)
        $spans = Get-JsonStringSpans $text
        foreach ($s in $supplied) { if ($s.Secret -and $spans.ContainsKey($s.Key)) { Add-Secret (ConvertFrom-JsonString $text $spans[$s.Key]) } }
        $replacements = @()
        foreach ($s in $supplied) {
            if (-not $s.Value) { continue }
            if (-not $spans.ContainsKey($s.Key)) {
                Exit-With 2 "$($s.From) is set, but $Config has no string value '$($s.Key)' to put it in: add it (empty, `"`") where it belongs."
            }
            $current = ConvertFrom-JsonString $text $spans[$s.Key]
            if ($current -ceq $s.Value) { continue }   # case-sensitive: passwords and serials are
            if ($script:Placeholders -cnotcontains $current) {
                Exit-With 2 "$($s.From) is set, but $Config already holds a different '$($s.Key)': leave it empty (`"`") in the file, or do not set $($s.From)."
            }
            $replacements += [pscustomobject]@{ Start = $spans[$s.Key][0]; Length = $spans[$s.Key][1]; Literal = (ConvertTo-JsonString $s.Value) }
        }
        foreach ($r in @($replacements | Sort-Object Start -Descending)) {   # from the end: earlier offsets stay valid
            $text = $text.Substring(0, $r.Start) + $r.Literal + $text.Substring($r.Start + $r.Length)
        }
        $configToDeploy = New-PrivateTempFile '.json'
        [System.IO.File]::WriteAllBytes($configToDeploy, $(if ($replacements) { (New-Object System.Text.UTF8Encoding $false).GetBytes($text) } else { $bytes }))
        if ($replacements) {
            Say 'checking the config again with the secrets in place (the bytes that will be written)'
            if (-not (Test-DeviceConfig $configToDeploy $supplied -Hidden)) {
                Exit-With 2 'the config with the secrets in place is invalid (see the lines above); nothing was written to the board.'
            }
        }
        Say 'config is valid'
    }

    if ($MassErase) {
        Say "WARNING: -MassErase erases the whole flash of the board on $Port, including the stored configuration ($script:DeviceConfigPath), every reading still queued on the device and the TagoTiP sequence counter (docs/tagoio-setup.md)."
    }
    $script:Nanoff = Resolve-Nanoff
    if ($MassErase -or $Update) {
        $arguments = @(if ($Update) { '--update' }) + @('--target', $Target, '--serialport', $Port) + @(if ($MassErase) { '--masserase' })
        Invoke-Step $arguments $(if ($Update) { 'firmware update' } else { 'mass erase' }) | Out-Null
    }
    if ($Deploy) {
        $appImage = if ($Image) { $Image } else { Build-AppImage }
        Invoke-Step @('--target', $Target, '--serialport', $Port, '--deploy', '--image', $appImage) 'app deployment' | Out-Null
    }
    if ($Config) {
        # File deployment only warns when a file fails, and older firmware cannot overwrite a file over 1 KB
        # (nanoframework/Home#1840): delete the old file first, then write, then check nanoff's output.
        $deploySpec = New-PrivateTempFile '.deploy.json'
        $spec = [ordered]@{ serialport = $Port; files = @([ordered]@{ DestinationFilePath = $script:DeviceConfigPath },
                [ordered]@{ DestinationFilePath = $script:DeviceConfigPath; SourceFilePath = $configToDeploy }) }
        [System.IO.File]::WriteAllText($deploySpec, ($spec | ConvertTo-Json -Depth 5), (New-Object System.Text.UTF8Encoding $false))
        $result = Invoke-Step @('--filedeployment', $deploySpec, '--serialport', $Port) 'config deployment'
        if (-not $DryRun) {
            if ($result.Output -split "`n" | Where-Object { $_ -match '(?i)(warn|fail|error)' -and $_ -match '(?i)(tagofirmware|file|I:)' }) {
                Say "ERROR: nanoff reported a problem writing $script:DeviceConfigPath; the board may still have its old config."
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
    foreach ($f in $script:TempFiles) { Remove-Item -LiteralPath $f -Force -ErrorAction SilentlyContinue }
}
