@echo off
rem GM2i @VERSION@ : passe le GM2i installé à cette version, depuis la clé USB.
rem À placer sur la clé à côté de gm2i-@VERSION@-win-x64.zip et SHA256SUMS. Lancer en administrateur si GM2i est un service.
rem   mise-a-jour.cmd            met à jour C:\GM2i
rem   mise-a-jour.cmd D:\GM2i    met à jour une installation ailleurs
rem   mise-a-jour.cmd C:\GM2i --forcer   réinstalle la même version (ou une plus ancienne)
rem Sauvegarde et vérification avec l'ancienne version, ancien dossier gardé (programme-<version>), migration,
rem vérification, démarrage ; en cas d'échec, retour automatique à l'ancienne version et à la sauvegarde.
chcp 65001 >nul
setlocal
set "CLE=%~dp0"
set "RACINE=C:\GM2i"
if not "%~1"=="" set "RACINE=%~1"
rem Chemin complet, sans barre finale (C:\GM2i\ ou .\GM2i deviennent C:\GM2i).
for %%I in ("%RACINE%\.") do set "RACINE=%%~fI"
set "ZIPBASE=gm2i-@VERSION@-win-x64"
set "ZIP=%CLE%%ZIPBASE%.zip"
echo == Mise à jour de GM2i vers @VERSION@ dans %RACINE%
if not exist "%ZIP%" (
  echo Erreur : %ZIPBASE%.zip est introuvable à côté de mise-a-jour.cmd.
  goto fin
)
if not exist "%RACINE%\programme\VERSION" (
  echo Erreur : GM2i n'est pas installé dans %RACINE%. Lancez installer.cmd.
  goto fin
)
call :verifier || goto fin
set "TAR=%SystemRoot%\System32\tar.exe"
if not exist "%TAR%" (
  echo Erreur : %TAR% est introuvable. GM2i demande Windows 10 version 1803 ou plus récente, ou Windows 11.
  goto fin
)
set "NOUVEAU=%RACINE%\programme-nouveau"
if exist "%NOUVEAU%" rmdir /s /q "%NOUVEAU%"
set "EXTR=%RACINE%\extraction"
if exist "%EXTR%" rmdir /s /q "%EXTR%"
mkdir "%EXTR%"
echo Décompression (une à deux minutes)...
"%TAR%" -xf "%ZIP%" -C "%EXTR%"
if errorlevel 1 (
  echo Erreur : la décompression a échoué. Rien n'a été changé.
  goto fin
)
move "%EXTR%\%ZIPBASE%" "%NOUVEAU%" >nul
if errorlevel 1 (
  echo Erreur : impossible de créer %NOUVEAU%. Rien n'a été changé.
  goto fin
)
rmdir "%EXTR%"
rem L'outil tourne avec une copie de la nouvelle Node, hors des dossiers programme : Windows refuse de renommer
rem un dossier dont un programme tourne.
set "OUTIL=%RACINE%\maj-outil"
if not exist "%OUTIL%" mkdir "%OUTIL%"
copy /y "%NOUVEAU%\node\node.exe" "%OUTIL%\node.exe" >nul
if errorlevel 1 goto copie_impossible
copy /y "%NOUVEAU%\mise-a-jour.mjs" "%OUTIL%\mise-a-jour.mjs" >nul
if errorlevel 1 goto copie_impossible
"%OUTIL%\node.exe" "%OUTIL%\mise-a-jour.mjs" --racine "%RACINE%" --nouveau "%NOUVEAU%" --copie-vers "%CLE%sauvegardes" %2 %3
if errorlevel 1 goto fin
echo.
echo Mise à jour terminée.
goto fin

:copie_impossible
echo Erreur : impossible de copier l'outil de mise à jour dans %OUTIL% (disque plein ?). Rien n'a été changé.
goto fin

:verifier
if not exist "%CLE%SHA256SUMS" (
  echo Erreur : SHA256SUMS est introuvable à côté de l'archive.
  exit /b 1
)
set "H="
for /f "skip=1 delims=" %%H in ('certutil -hashfile "%ZIP%" SHA256') do if not defined H set "H=%%H"
set "H=%H: =%"
findstr /i /c:"%H%  %ZIPBASE%.zip" "%CLE%SHA256SUMS" >nul
if errorlevel 1 (
  echo Erreur : l'archive %ZIPBASE%.zip ne correspond pas à SHA256SUMS : la clé est abîmée ou le fichier a été modifié.
  exit /b 1
)
echo Archive vérifiée (SHA-256).
exit /b 0

:fin
echo.
pause
