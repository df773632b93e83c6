"""Audio through Qt Multimedia: input devices, capture into a recording session, playback.

A backend, not a front end: it uses QtCore and QtMultimedia and never a widget, so the command
line can record and list devices with a ``QCoreApplication`` and the window can use the same
objects. Above ``app/`` (it drives ``app.recording`` sessions), below both front ends.
"""
