@echo off
rem GM2i @VERSION@ : installe GM2i comme service Windows qui démarre avec le PC (WinSW), et ouvre le port 8080
rem du pare-feu pour les autres PC du réseau local. À lancer en administrateur.
rem   service-installer.cmd [C:\GM2i]   (par défaut : le dossier qui contient ce dossier programme)
chcp 65001 >nul
setlocal
for %%I in ("%~dp0..") do set "RACINE=%%~fI"
if not "%~1"=="" set "RACINE=%~1"
for %%I in ("%RACINE%\.") do set "RACINE=%%~fI"
rem Lancé par double-clic (sans argument) : garder la fenêtre ouverte à la fin.
set "PAUSE="
if "%~1"=="" set "PAUSE=1"
net session >nul 2>&1
if errorlevel 1 (
  echo Erreur : le service demande les droits d'administrateur.
  echo Clic droit sur service-installer.cmd, puis « Exécuter en tant qu'administrateur ».
  goto erreur
)
if not exist "%RACINE%\programme\service\gm2i-service.exe" (
  echo Erreur : %RACINE%\programme\service\gm2i-service.exe est introuvable : GM2i est-il installé dans %RACINE% ?
  goto erreur
)
if not exist "%RACINE%\service" mkdir "%RACINE%\service"
copy /y "%RACINE%\programme\service\gm2i-service.exe" "%RACINE%\service\" >nul
copy /y "%RACINE%\programme\service\gm2i-service.exe.config" "%RACINE%\service\" >nul
copy /y "%RACINE%\programme\service\gm2i-service.xml" "%RACINE%\service\" >nul
copy /y "%RACINE%\programme\service\LICENCE-WinSW.txt" "%RACINE%\service\" >nul
if errorlevel 1 (
  echo Erreur : impossible de copier les fichiers du service dans %RACINE%\service.
  goto erreur
)
rem Déjà installé (nouvelle installation par-dessus) : on garde le service existant.
"%RACINE%\service\gm2i-service.exe" status | find /i "NonExistent" >nul
if errorlevel 1 goto demarrer
"%RACINE%\service\gm2i-service.exe" install
if errorlevel 1 (
  echo Erreur : l'installation du service a échoué.
  goto erreur
)
:demarrer
"%RACINE%\service\gm2i-service.exe" start
if errorlevel 1 (
  echo Erreur : le service est installé mais ne démarre pas. Voir %RACINE%\service\journaux.
  goto erreur
)
netsh advfirewall firewall delete rule name="GM2i" >nul 2>&1
netsh advfirewall firewall add rule name="GM2i" dir=in action=allow protocol=TCP localport=8080 >nul
if errorlevel 1 echo Attention : le port 8080 n'a pas pu être ouvert dans le pare-feu ; les autres PC ne verront pas GM2i.
echo Service GM2i installé et démarré ; port 8080 ouvert sur le réseau local.
if defined PAUSE pause
exit /b 0
:erreur
if defined PAUSE pause
exit /b 1
