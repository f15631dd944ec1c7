"""Baseline for the start-up benchmark: a bare QMainWindow, shown and closed after its first paint."""
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _QuitOnFirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 720)
quitter = _QuitOnFirstPaint()
window.installEventFilter(quitter)
window.show()
sys.exit(app.exec())
