@echo off
rem GM2i @VERSION@ : installation sur un PC Windows 10/11 64 bits, depuis la clé USB.
rem À placer sur la clé à côté de gm2i-@VERSION@-win-x64.zip et SHA256SUMS.
rem   installer.cmd            installe dans C:\GM2i
rem   installer.cmd D:\GM2i    installe ailleurs
chcp 65001 >nul
setlocal
set "CLE=%~dp0"
set "RACINE=C:\GM2i"
if not "%~1"=="" set "RACINE=%~1"
rem Chemin complet, sans barre finale (C:\GM2i\ ou .\GM2i deviennent C:\GM2i).
for %%I in ("%RACINE%\.") do set "RACINE=%%~fI"
set "ZIPBASE=gm2i-@VERSION@-win-x64"
set "ZIP=%CLE%%ZIPBASE%.zip"
echo == Installation de GM2i @VERSION@ dans %RACINE%
if not exist "%ZIP%" (
  echo Erreur : %ZIPBASE%.zip est introuvable à côté de installer.cmd.
  goto fin
)
if exist "%RACINE%\programme\VERSION" (
  echo GM2i est déjà installé dans %RACINE%\programme.
  echo Pour passer à cette version, lancez mise-a-jour.cmd : il sauvegarde d'abord les données.
  goto fin
)
call :verifier || goto fin
set "TAR=%SystemRoot%\System32\tar.exe"
if not exist "%TAR%" (
  echo Erreur : %TAR% est introuvable. GM2i demande Windows 10 version 1803 ou plus récente, ou Windows 11.
  goto fin
)
if not exist "%RACINE%" mkdir "%RACINE%"
if not exist "%RACINE%\gm2i-donnees" mkdir "%RACINE%\gm2i-donnees"
set "EXTR=%RACINE%\extraction"
if exist "%EXTR%" rmdir /s /q "%EXTR%"
mkdir "%EXTR%"
echo Décompression (une à deux minutes)...
"%TAR%" -xf "%ZIP%" -C "%EXTR%"
if errorlevel 1 (
  echo Erreur : la décompression a échoué. Vérifiez la place libre sur le disque.
  goto fin
)
move "%EXTR%\%ZIPBASE%" "%RACINE%\programme" >nul
if errorlevel 1 (
  echo Erreur : impossible de créer %RACINE%\programme.
  goto fin
)
rmdir "%EXTR%"
echo Raccourci GM2i sur le bureau...
rem En administrateur, le raccourci va sur le bureau de tous les utilisateurs ; sinon sur celui de l'utilisateur.
set "BUREAU=Desktop"
net session >nul 2>&1
if not errorlevel 1 set "BUREAU=CommonDesktopDirectory"
powershell -NoProfile -Command "$s=(New-Object -ComObject WScript.Shell).CreateShortcut([Environment]::GetFolderPath('%BUREAU%')+'\GM2i.lnk'); $s.TargetPath='%RACINE%\programme\demarrer.cmd'; $s.WorkingDirectory='%RACINE%'; $s.Description='GM2i - gestion municipale'; $s.Save()"
echo.
echo GM2i @VERSION@ est installé : programme dans %RACINE%\programme, données dans %RACINE%\gm2i-donnees.
echo.
choice /c ON /n /m "Démarrer GM2i automatiquement avec le PC (service Windows) ? [O/N] "
if errorlevel 2 goto sans_service
call "%RACINE%\programme\service-installer.cmd" "%RACINE%"
goto suite
:sans_service
echo Sans service : GM2i démarre par l'icône du bureau (la fenêtre noire doit rester ouverte).
echo Vous pourrez l'installer plus tard : %RACINE%\programme\service-installer.cmd (en administrateur).
:suite
echo.
echo Premier démarrage : double-cliquez sur l'icône GM2i du bureau, puis suivez l'assistant.
goto fin

:verifier
rem Compare l'empreinte SHA-256 de l'archive à celle de SHA256SUMS (une clé abîmée ou modifiée est refusée).
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
