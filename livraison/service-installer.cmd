@echo off
rem GM2i @VERSION@ : installe GM2i comme service Windows qui démarre avec le PC (WinSW), et ouvre le port 8080
rem du pare-feu pour les autres PC du réseau local. À lancer en administrateur.
rem   service-installer.cmd [C:\GM2i]
chcp 65001 >nul
setlocal
set "RACINE=C:\GM2i"
if not "%~1"=="" set "RACINE=%~1"
net session >nul 2>&1
if errorlevel 1 (
  echo Erreur : le service demande les droits d'administrateur.
  echo Clic droit sur service-installer.cmd, puis « Exécuter en tant qu'administrateur ».
  exit /b 1
)
if not exist "%RACINE%\service" mkdir "%RACINE%\service"
copy /y "%RACINE%\programme\service\gm2i-service.exe" "%RACINE%\service\" >nul
copy /y "%RACINE%\programme\service\gm2i-service.exe.config" "%RACINE%\service\" >nul
copy /y "%RACINE%\programme\service\gm2i-service.xml" "%RACINE%\service\" >nul
copy /y "%RACINE%\programme\service\LICENCE-WinSW.txt" "%RACINE%\service\" >nul
"%RACINE%\service\gm2i-service.exe" install
"%RACINE%\service\gm2i-service.exe" start
netsh advfirewall firewall delete rule name="GM2i" >nul 2>&1
netsh advfirewall firewall add rule name="GM2i" dir=in action=allow protocol=TCP localport=8080 >nul
echo Service GM2i installé et démarré ; port 8080 ouvert sur le réseau local.
exit /b 0
