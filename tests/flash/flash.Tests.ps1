# Pester tests of flash.ps1. nanoff is replaced by tests/flash/fake-bin/nanoff (a Fake that records its arguments),
# put first on PATH; the config validator is the real one (the host twin's --check-config), built once.
Describe 'flash.ps1' {
    BeforeAll {
        $script:Root = Resolve-Path (Join-Path $PSScriptRoot '../..')
        $script:Flash = Join-Path $script:Root 'flash.ps1'
        $script:FakeBin = Join-Path $PSScriptRoot 'fake-bin'
        $script:Example = Join-Path $script:Root 'firmware/TagoFirmware.Host/tagofirmware.legacy.example.json'
        $script:TipExample = Join-Path $script:Root 'firmware/TagoFirmware.Host/tagofirmware.example.json'
        $script:OriginalPath = $env:PATH

        & dotnet build (Join-Path $script:Root 'firmware/TagoFirmware.Host/TagoFirmware.Host.csproj') -c Release -nologo -v q | Out-Null
        $env:TAGOFIRMWARE_TWIN_DLL = Join-Path $script:Root 'firmware/TagoFirmware.Host/bin/Release/net10.0/TagoFirmware.Host.dll'

        # Runs flash.ps1 in this process (exit sets $LASTEXITCODE) and returns its exit code and printed lines.
        function Invoke-Flash([string[]] $Arguments) {
            # '-Name value' pairs and bare '-Switch'es, as a user types them, bound by name.
            $named = @{}
            for ($i = 0; $i -lt $Arguments.Count; $i++) {
                $name = $Arguments[$i].TrimStart('-')
                if ($i + 1 -lt $Arguments.Count -and -not $Arguments[$i + 1].StartsWith('-')) { $named[$name] = $Arguments[$i + 1]; $i++ }
                else { $named[$name] = $true }
            }
            $output = & $script:Flash @named 6>&1 2>&1 | ForEach-Object { "$_" }
            return [pscustomobject]@{ Code = $LASTEXITCODE; Text = ($output -join "`n") }
        }

        # The calls the fake nanoff received: one string per call, arguments joined by spaces.
        function Get-NanoffCalls {
            if (-not (Test-Path -LiteralPath $env:FAKE_NANOFF_LOG)) { return @() }
            $calls = @(); $current = @()
            foreach ($line in Get-Content -LiteralPath $env:FAKE_NANOFF_LOG) {
                if ($line -eq '--') { $calls += ($current -join ' '); $current = @() } else { $current += $line }
            }
            return $calls
        }

        function New-ConfigFile([scriptblock] $Change) {
            $json = Get-Content -LiteralPath $script:Example -Raw | ConvertFrom-Json -Depth 20
            # The example's all-zeros token is a placeholder the validator refuses; a made-up one passes.
            $json.token = 'a1b2c3d4-e5f6-4789-8abc-def012345678'
            # The example's WiFi name and password are placeholders too.
            $json.wifi.ssid = 'field-network'
            $json.wifi.password = 'a-made-up-passphrase'
            if ($Change) { & $Change $json }
            $path = Join-Path $TestDrive ("cfg-" + [guid]::NewGuid().ToString('N') + '.json')
            $json | ConvertTo-Json -Depth 20 | Set-Content -LiteralPath $path
            return $path
        }

        # The example file's own text with some of its values replaced textually (so the file keeps its exact
        # formatting): what a user gets by editing the example in an editor.
        function New-RawConfig([hashtable] $Values, [string] $Extra = '') {
            $text = Get-Content -LiteralPath $script:Example -Raw
            $text = $text.Replace('"example-network"', '"field-network"')
            foreach ($k in $Values.Keys) { $text = $text.Replace($k, $Values[$k]) }
            if ($Extra) { $text = $text.Replace('"wifi": {', $Extra + '"wifi": {') }
            $path = Join-Path $TestDrive ("raw-" + [guid]::NewGuid().ToString('N') + '.json')
            [System.IO.File]::WriteAllText($path, $text, (New-Object System.Text.UTF8Encoding $false))
            return $path
        }
        $script:RealToken = '"token": "a1b2c3d4-e5f6-4789-8abc-def012345678"'
        $script:RealPassword = '"password": "a-made-up-passphrase"'
    }

    BeforeEach {
        $env:PATH = $script:FakeBin + [System.IO.Path]::PathSeparator + $script:OriginalPath
        $env:FAKE_NANOFF_LOG = Join-Path $TestDrive ("nanoff-" + [guid]::NewGuid().ToString('N') + '.log')
        $env:FAKE_NANOFF_CAPTURE = Join-Path $TestDrive ("capture-" + [guid]::NewGuid().ToString('N'))
        $env:FAKE_NANOFF_EXIT = '0'
        $env:FAKE_NANOFF_OUTPUT = ''
        $env:TAGO_DEVICE_TOKEN = $null
        $env:TAGO_TIP_AUTH = $null
        $env:TAGO_TIP_SERIAL = $null
        $env:TAGO_WIFI_PASSWORD = $null
        $env:TAGO_WIFI_SSID = $null
        $script:Image = Join-Path $TestDrive 'TagoFirmware.Esp32.bin'
        Set-Content -LiteralPath $script:Image -Value 'image'
    }

    AfterAll {
        $env:PATH = $script:OriginalPath
    }

    Describe 'How it is started' {
        It 'starts pwsh through its first line and is executable, so ./flash.ps1 runs from bash and zsh' {
            (Get-Content -LiteralPath $script:Flash -TotalCount 1) | Should -Be '#!/usr/bin/env pwsh'
            if (-not $IsWindows) {
                (Get-Item -LiteralPath $script:Flash).UnixMode | Should -Match '^-..x'
            }
        }
        It 'documents every parameter for Get-Help (the help block survives the first line)' {
            foreach ($name in 'ListPorts', 'Port', 'Target', 'Update', 'MassErase', 'Deploy', 'Image', 'Config', 'Serial', 'AuthHash', 'AuthToken', 'Token', 'WifiPassword', 'WifiSsid', 'DryRun') {
                (Get-Help $script:Flash -Parameter $name | Out-String).Trim().Length | Should -BeGreaterThan 40 -Because "-$name needs a description"
            }
        }
    }

    Describe 'Documentation' {
        It 'names in docs/tagoio-setup.md exactly the config parameters it takes, each with the variable it reads' {
            $fromHelp = @{}
            foreach ($p in (Get-Help $script:Flash).parameters.parameter) {
                $text = ($p.description | Out-String)
                if ($text -match '\$env:(TAGO_\w+)') { $fromHelp['-' + $p.name] = $Matches[1] }
            }
            $fromHelp.Count | Should -Be 6
            $code = Get-Content -LiteralPath $script:Flash -Raw
            foreach ($variable in $fromHelp.Values) { $code | Should -Match ([regex]::Escape("`$env:$variable") + '[^\w]') }
            $lines = Get-Content -LiteralPath (Join-Path $script:Root 'docs/tagoio-setup.md')
            $at = [array]::IndexOf($lines, '### Flashing: parameters and environment variables')
            $at | Should -BeGreaterThan 0
            $fromDocs = @{}
            foreach ($line in ($lines[$at..($lines.Count - 1)] | Where-Object { $_.StartsWith('| `') } | Select-Object -First 20)) {
                if ($line -notmatch 'TAGO_') { continue }
                $variable = [regex]::Match($line, 'TAGO_\w+').Value
                foreach ($m in [regex]::Matches($line, '`(-[A-Z]\w+)`')) { $fromDocs[$m.Groups[1].Value] = $variable }
            }
            ($fromDocs.Keys | Sort-Object) -join ' ' | Should -Be (($fromHelp.Keys | Sort-Object) -join ' ')
            foreach ($name in $fromHelp.Keys) { $fromDocs[$name] | Should -Be $fromHelp[$name] -Because "the docs pair $name with a variable" }
        }
        It 'names no environment variable in README.md or docs/ that neither it nor the twin reads' {
            $known = @([regex]::Matches((Get-Content -LiteralPath $script:Flash -Raw), '\$env:(TAGO_\w+)') | ForEach-Object { $_.Groups[1].Value })
            foreach ($cs in Get-ChildItem -LiteralPath (Join-Path $script:Root 'firmware/TagoFirmware.Host') -Recurse -Filter *.cs | Where-Object { $_.FullName -notmatch '[\\/](obj|bin)[\\/]' }) {
                $known += @([regex]::Matches((Get-Content -LiteralPath $cs.FullName -Raw), '"(TAGO_\w+)"') | ForEach-Object { $_.Groups[1].Value })
            }
            $known = @($known | Sort-Object -Unique)
            $pages = @(Join-Path $script:Root 'README.md') + @(Get-ChildItem -LiteralPath (Join-Path $script:Root 'docs') -Filter *.md | ForEach-Object FullName)
            foreach ($page in $pages) {
                foreach ($m in [regex]::Matches((Get-Content -LiteralPath $page -Raw), '\bTAGO_[A-Z_]+\b')) {
                    $known | Should -Contain $m.Value -Because "$(Split-Path -Leaf $page) names $($m.Value)"
                }
            }
        }
    }

    Describe 'Argument validation' {
        It 'refuses to run with nothing to do' {
            $r = Invoke-Flash @()
            $r.Code | Should -Be 2
            $r.Text | Should -Match 'nothing to do'
            @(Get-NanoffCalls).Count | Should -Be 0
        }
        It 'requires a port for a firmware update' {
            $r = Invoke-Flash @('-Update')
            $r.Code | Should -Be 2
            $r.Text | Should -Match '-Port is required'
            @(Get-NanoffCalls).Count | Should -Be 0
        }
        It 'rejects a target nanoff does not know and names the allowed ones' {
            $r = Invoke-Flash @('-Port', '/dev/ttyUSB0', '-Update', '-Target', 'ESP8266')
            $r.Code | Should -Be 2
            $r.Text | Should -Match "Target 'ESP8266' is not an ESP32 target"
            $r.Text | Should -Match 'ESP32_PSRAM_REV0'
            @(Get-NanoffCalls).Count | Should -Be 0
        }
        It 'rejects a missing image' {
            $r = Invoke-Flash @('-Port', 'COM5', '-Deploy', '-Image', (Join-Path $TestDrive 'nope.bin'))
            $r.Code | Should -Be 2
            $r.Text | Should -Match 'does not exist'
        }
        It 'rejects an image that is not a .bin deployment image' {
            $pe = Join-Path $TestDrive 'TagoFirmware.Esp32.pe'
            Set-Content -LiteralPath $pe -Value 'x'
            $r = Invoke-Flash @('-Port', 'COM5', '-Deploy', '-Image', $pe)
            $r.Code | Should -Be 2
            $r.Text | Should -Match 'not a .bin'
        }
        It 'rejects -Image without -Deploy' {
            $r = Invoke-Flash @('-Port', 'COM5', '-Update', '-Image', $script:Image)
            $r.Code | Should -Be 2
        }
        It 'explains that msbuild without the nanoFramework targets cannot build the image' {
            $r = Invoke-Flash @('-Port', 'COM5', '-Deploy')
            $r.Code | Should -Be 4
            $r.Text | Should -Match 'silently produce no .bin'
            @(Get-NanoffCalls).Count | Should -Be 0
        }
        It 'rejects a config file that does not exist' {
            $r = Invoke-Flash @('-Port', 'COM5', '-Config', (Join-Path $TestDrive 'none.json'))
            $r.Code | Should -Be 2
        }
        It 'rejects a config that is not JSON before touching the board' {
            $bad = Join-Path $TestDrive 'bad.json'
            Set-Content -LiteralPath $bad -Value '{ "wifi": '
            $r = Invoke-Flash @('-Port', 'COM5', '-Config', $bad)
            $r.Code | Should -Be 2
            $r.Text | Should -Match 'nothing was written'
            @(Get-NanoffCalls).Count | Should -Be 0
        }
        It 'rejects a config the firmware would refuse (QoS 2) and names the field' {
            $cfg = New-ConfigFile { param($j) $j.mqtt.qos = 2 }
            $r = Invoke-Flash @('-Port', 'COM5', '-Config', $cfg)
            $r.Code | Should -Be 2
            $r.Text | Should -Match 'qos'
            $r.Text | Should -Match 'nothing was written'
            @(Get-NanoffCalls).Count | Should -Be 0
        }
    }

    Describe 'TagoTiP credentials' {
        It 'refuses a malformed -AuthToken without printing it, before touching the board' {
            $r = Invoke-Flash @('-Port', 'COM5', '-Update', '-AuthToken', 'atSECRETe2bd319014b24e0a8aca9f00ae')
            $r.Code | Should -Be 2
            $r.Text | Should -Match '-AuthToken must be "at" and 32 hexadecimal characters'
            $r.Text | Should -Not -Match 'SECRET'
            @(Get-NanoffCalls).Count | Should -Be 0
        }
        It 'refuses a TAGO_TIP_AUTH that is neither a hash nor a token, without printing it' {
            $env:TAGO_TIP_AUTH = 'not-a-hash-SECRET'
            $r = Invoke-Flash @('-Port', 'COM5', '-Update')
            $r.Code | Should -Be 2
            $r.Text | Should -Match 'TAGO_TIP_AUTH must hold'
            $r.Text | Should -Not -Match 'SECRET'
        }
        It 'derives the hash from -AuthToken, writes only the serial and the hash into the TagoTiP example, and prints neither secret' {
            $cfg = Join-Path $TestDrive ("tip-" + [guid]::NewGuid().ToString('N') + '.json')
            $text = (Get-Content -LiteralPath $script:TipExample -Raw).Replace('"example-network"', '"field-network"').Replace('"example-password-not-real"', '"a-made-up-passphrase"')
            [System.IO.File]::WriteAllText($cfg, $text, (New-Object System.Text.UTF8Encoding $false))
            $r = Invoke-Flash @('-Port', 'COM7', '-Config', $cfg, '-Serial', 'node-1', '-AuthToken', 'ate2bd319014b24e0a8aca9f00aea4c0d0')
            $r.Code | Should -Be 0
            $deployed = Get-Content -LiteralPath (Join-Path $env:FAKE_NANOFF_CAPTURE 'config.json') -Raw
            $deployed | Should -BeExactly ($text.Replace('"serial": ""', '"serial": "node-1"').Replace('"auth_hash": ""', '"auth_hash": "4deedd7bab8817ec"'))
            $deployed | Should -Not -Match 'e2bd319014b24e0a8aca9f00aea4c0d0'
            $r.Text | Should -Not -Match 'e2bd319014b24e0a8aca9f00aea4c0d0'
            $r.Text | Should -Not -Match '4deedd7bab8817ec'
        }
        It 'takes the hash from TAGO_TIP_AUTH and refuses a TagoTiP config without a serial' {
            $env:TAGO_TIP_AUTH = '4DEEDD7BAB8817EC'
            $cfg = Join-Path $TestDrive ("tip-" + [guid]::NewGuid().ToString('N') + '.json')
            $text = (Get-Content -LiteralPath $script:TipExample -Raw).Replace('"example-network"', '"field-network"').Replace('"example-password-not-real"', '"a-made-up-passphrase"')
            [System.IO.File]::WriteAllText($cfg, $text, (New-Object System.Text.UTF8Encoding $false))
            $r = Invoke-Flash @('-Port', 'COM7', '-Config', $cfg)
            $r.Code | Should -Be 2
            $r.Text | Should -Match 'tagotip.serial'
            $r.Text | Should -Not -Match '(?i)4deedd7bab8817ec'
            @(Get-NanoffCalls).Count | Should -Be 0
            $r = Invoke-Flash @('-Port', 'COM7', '-Config', $cfg, '-Serial', 'node-1')
            $r.Code | Should -Be 0
            (Get-Content -LiteralPath (Join-Path $env:FAKE_NANOFF_CAPTURE 'config.json') -Raw | ConvertFrom-Json).tagotip.auth_hash | Should -BeExactly '4deedd7bab8817ec'
        }
        It 'takes the Authorization once: -AuthHash or -AuthToken' {
            $r = Invoke-Flash @('-Port', 'COM5', '-Update', '-AuthHash', '4deedd7bab8817ec', '-AuthToken', 'ate2bd319014b24e0a8aca9f00aea4c0d0')
            $r.Code | Should -Be 2
            $r.Text | Should -Match 'give the TagoTiP Authorization once'
            $r.Text | Should -Not -Match 'e2bd319014b24e0a8aca9f00aea4c0d0'
        }
    }

    Describe 'nanoff command lines' {
        It 'lists serial ports' {
            $r = Invoke-Flash @('-ListPorts')
            $r.Code | Should -Be 0
            Get-NanoffCalls | Should -Be @('--listports')
        }
        It 'flashes the firmware for the default target' {
            $r = Invoke-Flash @('-Port', '/dev/ttyUSB0', '-Update')
            $r.Code | Should -Be 0
            Get-NanoffCalls | Should -Be @('--update --target ESP32_PSRAM_REV0 --serialport /dev/ttyUSB0')
        }
        It 'warns that a mass erase loses the config and queued readings' {
            $r = Invoke-Flash @('-Port', 'COM5', '-Update', '-MassErase', '-Target', 'ESP32_REV3')
            $r.Code | Should -Be 0
            $r.Text | Should -Match 'WARNING: -MassErase erases'
            $r.Text | Should -Match 'queued'
            Get-NanoffCalls | Should -Be @('--update --target ESP32_REV3 --serialport COM5 --masserase')
        }
        It 'erases the flash alone, without flashing the firmware, when only -MassErase is given' {
            $r = Invoke-Flash @('-Port', 'COM5', '-MassErase')
            $r.Code | Should -Be 0
            Get-NanoffCalls | Should -Be @('--target ESP32_PSRAM_REV0 --serialport COM5 --masserase')
        }
        It 'deploys the app image' {
            $r = Invoke-Flash @('-Port', 'COM5', '-Deploy', '-Image', $script:Image)
            $r.Code | Should -Be 0
            Get-NanoffCalls | Should -Be @("--target ESP32_PSRAM_REV0 --serialport COM5 --deploy --image $($script:Image)")
        }
        It 'runs firmware, app and config in that order' {
            $cfg = New-ConfigFile $null
            $r = Invoke-Flash @('-Port', 'COM5', '-Update', '-Deploy', '-Image', $script:Image, '-Config', $cfg)
            $r.Code | Should -Be 0
            $calls = @(Get-NanoffCalls)
            $calls.Count | Should -Be 3
            $calls[0] | Should -Match '^--update'
            $calls[1] | Should -Match '--deploy'
            $calls[2] | Should -Match '^--filedeployment'
        }
    }

    Describe 'Config deployment' {
        It 'deletes the old file first, then writes the validated config' {
            $cfg = New-ConfigFile $null
            $r = Invoke-Flash @('-Port', 'COM7', '-Config', $cfg)
            $r.Code | Should -Be 0
            $spec = Get-Content -LiteralPath (Join-Path $env:FAKE_NANOFF_CAPTURE 'deploy.json') -Raw | ConvertFrom-Json
            $spec.serialport | Should -Be 'COM7'
            $spec.files.Count | Should -Be 2
            $spec.files[0].DestinationFilePath | Should -Be 'I:\tagofirmware.json'
            $spec.files[0].PSObject.Properties.Name | Should -Not -Contain 'SourceFilePath'
            $spec.files[1].DestinationFilePath | Should -Be 'I:\tagofirmware.json'
        }
        It 'flashes exactly the bytes of the file it validated when no secret is supplied' {
            $cfg = New-RawConfig @{ '"token": "00000000-0000-0000-0000-000000000000"' = $script:RealToken; '"password": "example-password-not-real"' = $script:RealPassword }
            $r = Invoke-Flash @('-Port', 'COM7', '-Config', $cfg)
            $r.Code | Should -Be 0
            $deployed = [System.IO.File]::ReadAllBytes((Join-Path $env:FAKE_NANOFF_CAPTURE 'config.json'))
            [Convert]::ToBase64String($deployed) | Should -Be ([Convert]::ToBase64String([System.IO.File]::ReadAllBytes($cfg)))
        }
        It 'puts the token from the environment into the empty token value, changing no other byte, and never prints it' {
            $env:TAGO_DEVICE_TOKEN = '11111111-2222-4333-8444-555555555555'
            $cfg = New-RawConfig @{ '"token": "00000000-0000-0000-0000-000000000000"' = '"token": ""'; '"password": "example-password-not-real"' = $script:RealPassword }
            $r = Invoke-Flash @('-Port', 'COM7', '-Config', $cfg)
            $r.Code | Should -Be 0
            $expected = (Get-Content -LiteralPath $cfg -Raw).Replace('"token": ""', '"token": "11111111-2222-4333-8444-555555555555"')
            Get-Content -LiteralPath (Join-Path $env:FAKE_NANOFF_CAPTURE 'config.json') -Raw | Should -BeExactly $expected
            $r.Text | Should -Not -Match '11111111-2222-4333-8444-555555555555'
        }
        It 'replaces the example''s placeholder WiFi password with the one given as a parameter, JSON-escaped, and never prints it' {
            $cfg = New-RawConfig @{ '"token": "00000000-0000-0000-0000-000000000000"' = $script:RealToken }
            $r = Invoke-Flash @('-Port', 'COM7', '-Config', $cfg, '-WifiPassword', 'correct "horse" \battery')
            $r.Code | Should -Be 0
            $deployed = Get-Content -LiteralPath (Join-Path $env:FAKE_NANOFF_CAPTURE 'config.json') -Raw
            $deployed | Should -BeExactly ((Get-Content -LiteralPath $cfg -Raw).Replace('"example-password-not-real"', '"correct \"horse\" \\battery"'))
            ($deployed | ConvertFrom-Json).wifi.password | Should -Be 'correct "horse" \battery'
            $r.Text | Should -Not -Match 'horse'
        }
        It 'puts the WiFi name from the environment into the example''s placeholder' {
            $env:TAGO_WIFI_SSID = 'site-7 "north"'
            $cfg = Join-Path $TestDrive ("ssid-" + [guid]::NewGuid().ToString('N') + '.json')
            $text = (Get-Content -LiteralPath $script:Example -Raw).Replace('"00000000-0000-0000-0000-000000000000"', '"a1b2c3d4-e5f6-4789-8abc-def012345678"').Replace($script:RealPassword.Replace('a-made-up-passphrase', 'example-password-not-real'), $script:RealPassword)
            [System.IO.File]::WriteAllText($cfg, $text, (New-Object System.Text.UTF8Encoding $false))
            $r = Invoke-Flash @('-Port', 'COM7', '-Config', $cfg)
            $r.Code | Should -Be 0
            $deployed = Get-Content -LiteralPath (Join-Path $env:FAKE_NANOFF_CAPTURE 'config.json') -Raw
            $deployed | Should -BeExactly ($text.Replace('"example-network"', '"site-7 \"north\""'))
        }
        It 'writes a control character of a supplied value as a JSON \u escape' {
            $env:TAGO_WIFI_SSID = "site`t7"
            $cfg = New-RawConfig @{ '"field-network"' = '"example-network"'; '"token": "00000000-0000-0000-0000-000000000000"' = $script:RealToken; '"password": "example-password-not-real"' = $script:RealPassword }
            $r = Invoke-Flash @('-Port', 'COM7', '-Config', $cfg)
            $r.Code | Should -Be 0
            $deployed = Get-Content -LiteralPath (Join-Path $env:FAKE_NANOFF_CAPTURE 'config.json') -Raw
            $deployed | Should -BeExactly ((Get-Content -LiteralPath $cfg -Raw).Replace('"example-network"', '"site\u00097"'))
        }
        It 'refuses a supplied value the file has no key for, naming the key and the parameter' {
            $cfg = New-RawConfig @{ '"token": "00000000-0000-0000-0000-000000000000"' = $script:RealToken; '"password": "example-password-not-real"' = $script:RealPassword }
            $r = Invoke-Flash @('-Port', 'COM7', '-Config', $cfg, '-Serial', 'node-1')
            $r.Code | Should -Be 2
            $r.Text | Should -Match "-Serial / TAGO_TIP_SERIAL is set, but .* has no string value 'tagotip.serial'"
            @(Get-NanoffCalls).Count | Should -Be 0
        }
        It 'refuses to replace a different token already in the file' {
            $env:TAGO_DEVICE_TOKEN = '11111111-2222-4333-8444-555555555555'
            $cfg = New-RawConfig @{ '"token": "00000000-0000-0000-0000-000000000000"' = $script:RealToken; '"password": "example-password-not-real"' = $script:RealPassword }
            $r = Invoke-Flash @('-Port', 'COM7', '-Config', $cfg)
            $r.Code | Should -Be 2
            $r.Text | Should -Match 'already holds a different'
            $r.Text | Should -Not -Match 'a1b2c3d4|11111111'
            @(Get-NanoffCalls).Count | Should -Be 0
        }
        It 'refuses a supplied value that differs from the file''s only in letter case, rather than keeping the file''s' {
            $cfg = New-RawConfig @{ '"token": "00000000-0000-0000-0000-000000000000"' = $script:RealToken; '"password": "example-password-not-real"' = $script:RealPassword }
            $r = Invoke-Flash @('-Port', 'COM7', '-Config', $cfg, '-WifiPassword', 'A-Made-Up-Passphrase')
            $r.Code | Should -Be 2
            $r.Text | Should -Match "already holds a different 'wifi.password'"
            $r.Text | Should -Not -Match '(?i)made-up'
            @(Get-NanoffCalls).Count | Should -Be 0
        }
        It 'refuses JSON that PowerShell would accept but the device parser rejects: <Case>' -ForEach @(
            @{ Case = 'a // comment'; Extra = "// my node`n  "; Trailing = $false },
            @{ Case = 'a duplicated key'; Extra = '"token": "a1b2c3d4-e5f6-4789-8abc-def012345678", '; Trailing = $false },
            @{ Case = 'a trailing comma'; Extra = '' ; Trailing = $true }
        ) {
            $values = @{ '"token": "00000000-0000-0000-0000-000000000000"' = $script:RealToken; '"password": "example-password-not-real"' = $script:RealPassword }
            if ($Trailing) { $values['"keepalive_s": 60'] = '"keepalive_s": 60,' }
            $cfg = New-RawConfig $values $Extra
            $r = Invoke-Flash @('-Port', 'COM7', '-Config', $cfg)
            $r.Code | Should -Be 2
            $r.Text | Should -Match 'nothing was written'
            @(Get-NanoffCalls).Count | Should -Be 0
        }
        It 'removes the temporary files that held secrets' {
            $env:TAGO_DEVICE_TOKEN = '11111111-2222-4333-8444-555555555555'
            $cfg = New-RawConfig @{ '"token": "00000000-0000-0000-0000-000000000000"' = '"token": ""'; '"password": "example-password-not-real"' = $script:RealPassword }
            $r = Invoke-Flash @('-Port', 'COM7', '-Config', $cfg)
            $r.Code | Should -Be 0
            $spec = Get-Content -LiteralPath (Join-Path $env:FAKE_NANOFF_CAPTURE 'deploy.json') -Raw | ConvertFrom-Json
            Test-Path -LiteralPath $spec.files[1].SourceFilePath | Should -BeFalse
        }
        It 'treats a file-deployment warning from nanoff as a failure' {
            $env:FAKE_NANOFF_OUTPUT = 'Warning: failed to deploy file I:\tagofirmware.json'
            $cfg = New-ConfigFile $null
            $r = Invoke-Flash @('-Port', 'COM7', '-Config', $cfg)
            $r.Code | Should -Be 5
            $r.Text | Should -Match 'may still have its old config'
            $spec = Get-Content -LiteralPath (Join-Path $env:FAKE_NANOFF_CAPTURE 'deploy.json') -Raw | ConvertFrom-Json
            Test-Path -LiteralPath $spec.files[1].SourceFilePath | Should -BeFalse -Because 'a failed run removes its temporary files too'
        }
    }

    Describe 'Dry run and redaction' {
        It 'prints the exact command lines and runs nothing' {
            $r = Invoke-Flash @('-Port', 'COM5', '-Update', '-Deploy', '-Image', $script:Image, '-DryRun')
            $r.Code | Should -Be 0
            $r.Text | Should -Match 'would run: nanoff --update --target ESP32_PSRAM_REV0 --serialport COM5'
            $r.Text | Should -Match 'would run: nanoff --target ESP32_PSRAM_REV0 --serialport COM5 --deploy --image'
            @(Get-NanoffCalls).Count | Should -Be 0
        }
        It 'redacts secrets even when nanoff itself prints them' {
            $env:FAKE_NANOFF_OUTPUT = 'echo of token 11111111-2222-4333-8444-555555555555'
            $r = Invoke-Flash @('-Port', 'COM5', '-Update', '-Token', '11111111-2222-4333-8444-555555555555')
            $r.Code | Should -Be 0
            $r.Text | Should -Match 'echo of token \*\*\*'
            $r.Text | Should -Not -Match '11111111-2222'
        }
        It 'redacts the Authorization token, its hex part without "at" and its hash when nanoff prints them' {
            $env:TAGO_TIP_AUTH = 'ate2bd319014b24e0a8aca9f00aea4c0d0'
            $env:FAKE_NANOFF_OUTPUT = 'echo ate2bd319014b24e0a8aca9f00aea4c0d0 e2bd319014b24e0a8aca9f00aea4c0d0 4deedd7bab8817ec'
            $r = Invoke-Flash @('-Port', 'COM5', '-Update')
            $r.Code | Should -Be 0
            $r.Text | Should -Match 'echo \*\*\* \*\*\* \*\*\*'
            $r.Text | Should -Not -Match 'e2bd3190|4deedd7b'
        }
        It 'redacts secrets found inside the config file' {
            $cfg = New-ConfigFile { param($j) $j.token = '99999999-8888-4777-8666-555555555555' }
            $env:FAKE_NANOFF_OUTPUT = 'device said 99999999-8888-4777-8666-555555555555'
            $r = Invoke-Flash @('-Port', 'COM5', '-Config', $cfg, '-DryRun')
            $r.Text | Should -Not -Match '99999999-8888'
        }
        It 'offers to install nanoff when it is missing, in a dry run without installing' {
            # Only system folders on PATH: no nanoff (this machine has none in ~/.dotnet/tools either).
            $env:PATH = '/usr/bin' + [System.IO.Path]::PathSeparator + '/bin'
            $r = (Invoke-Flash @('-Port', 'COM5', '-Update', '-DryRun')).Text
            $r | Should -Match 'dotnet tool install --global nanoff --allow-roll-forward'
        }
    }

    Describe 'nanoff failures' {
        It 'returns nanoff''s exit code with a hint when the port cannot be opened' {
            $env:FAKE_NANOFF_EXIT = '4005'
            $r = Invoke-Flash @('-Port', '/dev/ttyUSB0', '-Update')
            $r.Code | Should -Be $(if ($IsWindows) { 4005 } else { 165 })  # Linux keeps the low 8 bits
            $r.Text | Should -Match 'dialout'
            $r.Text | Should -Match 'E4005'
        }
        It 'hints at the target list when nanoff knows no firmware for the target' {
            $env:FAKE_NANOFF_EXIT = '9005'
            $r = Invoke-Flash @('-Port', 'COM5', '-Update', '-Target', 'ESP32_S3')
            $r.Code | Should -Be $(if ($IsWindows) { 9005 } else { 45 })  # Linux keeps the low 8 bits
            $r.Text | Should -Match 'listtargets'
        }
        It 'hints at permissions when nanoff says permission denied' {
            $env:FAKE_NANOFF_EXIT = '1'
            $env:FAKE_NANOFF_OUTPUT = 'System.UnauthorizedAccessException: Permission denied /dev/ttyUSB0'
            $r = Invoke-Flash @('-Port', '/dev/ttyUSB0', '-Update')
            $r.Code | Should -Be 1
            $r.Text | Should -Match 'usermod -aG dialout'
        }
        It 'stops at the first failing step' {
            $env:FAKE_NANOFF_EXIT = '4003'
            $r = Invoke-Flash @('-Port', 'COM5', '-Update', '-Deploy', '-Image', $script:Image)
            $r.Code | Should -Be $(if ($IsWindows) { 4003 } else { 163 })  # Linux keeps the low 8 bits
            @(Get-NanoffCalls).Count | Should -Be 1
        }
    }
}
