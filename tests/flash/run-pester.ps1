<#
.SYNOPSIS
    Runs the Pester tests of flash.ps1 and writes "<passed> <failed>" to -ResultFile (read by test.sh).
#>
param([Parameter(Mandatory)] [string] $ResultFile)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$here = $PSScriptRoot
& dotnet restore (Join-Path $here 'Pester.proj') --verbosity quiet | Out-Host
$cache = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
$module = Join-Path $cache 'pester/5.7.1/tools/Pester.psd1'
Import-Module $module -Force
$config = New-PesterConfiguration
$config.Run.Path = Join-Path $here 'flash.Tests.ps1'
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $config
"$($result.PassedCount) $($result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount)" | Set-Content -LiteralPath $ResultFile
