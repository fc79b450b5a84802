@echo off
rem GM2i @VERSION@ : le raccourci du bureau. Démarre GM2i s'il ne tourne pas (service ou autre fenêtre),
rem puis ouvre le navigateur. Fermer cette fenêtre arrête GM2i.
chcp 65001 >nul
title GM2i
set "ICI=%~dp0"
curl.exe -s -f -o nul http://127.0.0.1:8080/api/v1/sante
if not errorlevel 1 (
  start "" http://localhost:8080/
  exit /b 0
)
echo GM2i démarre... le navigateur s'ouvrira dans quelques secondes.
echo Ne fermez pas cette fenêtre tant que vous travaillez : la fermer arrête GM2i.
start "" /b cmd /c "timeout /t 5 /nobreak >nul & start "" http://localhost:8080/"
call "%ICI%gm2i.cmd" serve --port 8080
echo.
echo GM2i s'est arrêté.
pause
