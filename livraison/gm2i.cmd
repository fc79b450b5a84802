@echo off
rem GM2i @VERSION@ : lance GM2i avec la Node fournie dans ce dossier.
rem   gm2i.cmd              démarre GM2i (http://localhost:8080)
rem   gm2i.cmd backup ^| verify ^| migrate ^| restore fichier ^| user ... ^| --help
rem Données : %GM2I_DATA%, sinon le dossier gm2i-donnees placé à côté de ce dossier (jamais dedans).
setlocal
set "ICI=%~dp0"
if not defined GM2I_DATA for %%I in ("%ICI%..\gm2i-donnees") do set "GM2I_DATA=%%~fI"
if "%~1"=="" goto serve
"%ICI%node\node.exe" "%ICI%app\dist\server\cli\main.js" %*
exit /b %ERRORLEVEL%
:serve
"%ICI%node\node.exe" "%ICI%app\dist\server\cli\main.js" serve
exit /b %ERRORLEVEL%
