"""Opening folders and files with the system's own programs (Explorer on Windows)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def open_folder(parent: Optional[QWidget], folder: Path) -> bool:
    """Show `folder` in the file manager (creating it first); tells the user when that fails."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # opening below fails too, and the message says where the folder should be
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("Desktop", "Data folder"))
    box.setText(
        QCoreApplication.translate("Desktop", "The folder could not be opened here. It is:\n{folder}").format(
            folder=folder
        )
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return False
