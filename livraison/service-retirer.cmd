@echo off
rem GM2i @VERSION@ : retire le service Windows GM2i et la règle du pare-feu (les données restent). En administrateur.
chcp 65001 >nul
setlocal
for %%I in ("%~dp0..") do set "RACINE=%%~fI"
if not "%~1"=="" set "RACINE=%~1"
for %%I in ("%RACINE%\.") do set "RACINE=%%~fI"
net session >nul 2>&1
if errorlevel 1 (
  echo Erreur : à lancer en administrateur.
  pause
  exit /b 1
)
if not exist "%RACINE%\service\gm2i-service.exe" (
  echo Aucun service GM2i dans %RACINE%\service.
  pause
  exit /b 0
)
"%RACINE%\service\gm2i-service.exe" stop
"%RACINE%\service\gm2i-service.exe" uninstall
rem Le programme du service est retiré aussi (ses journaux restent) : la mise à jour ne croit plus à un service.
del /q "%RACINE%\service\gm2i-service.exe" "%RACINE%\service\gm2i-service.exe.config" >nul 2>&1
netsh advfirewall firewall delete rule name="GM2i" >nul 2>&1
echo Service GM2i retiré. Les données sont intactes dans %RACINE%\gm2i-donnees.
pause
exit /b 0
