@echo off
rem GM2i @VERSION@ : retire le service Windows GM2i et la règle du pare-feu (les données restent). En administrateur.
chcp 65001 >nul
setlocal
set "RACINE=C:\GM2i"
if not "%~1"=="" set "RACINE=%~1"
net session >nul 2>&1
if errorlevel 1 (
  echo Erreur : à lancer en administrateur.
  exit /b 1
)
"%RACINE%\service\gm2i-service.exe" stop
"%RACINE%\service\gm2i-service.exe" uninstall
netsh advfirewall firewall delete rule name="GM2i" >nul 2>&1
echo Service GM2i retiré. Les données sont intactes dans %RACINE%\gm2i-donnees.
exit /b 0
