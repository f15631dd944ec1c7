"""设置 Settings: where the data lives, backups, and the interface language."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sqlalchemy.engine import make_url

from ... import config, i18n
from ...db.engine import Database, file_size
from ...services.backup import default_backup_path
from ..page import Page
from ..tasks import TaskRunner
from ..widgets.desktop import open_folder
from ..widgets.elided_label import ElidedLabel
from .backup import BackupController
from .server import ServerBox


def _value_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


def version_number(revision: Optional[str]) -> Optional[int]:
    """3 for the migration `0003_schedule_and_imports`: the number people can read."""
    digits = re.match(r"\d+", revision or "")
    return int(digits.group()) if digits else None


def server_host(url: str) -> str:
    """`192.168.1.10:5432` of a server URL (never the user or password)."""
    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - an odd URL still opened: name it without details
        return "?"
    host = parsed.host or "localhost"
    return f"{host}:{parsed.port}" if parsed.port else host


class SettingsPage(Page):
    languageChanged = Signal(str)  # saved for the next start

    def __init__(self, database: Database, task_runner: TaskRunner, parent: Optional[QWidget] = None) -> None:
        super().__init__(database, task_runner, parent)
        self.setObjectName("settingsPage")
        self.backup = BackupController(database, task_runner, self)

        # --- database -------------------------------------------------
        self.location_label = ElidedLabel("", self)  # a long path elides in the middle, whole in the tooltip
        self.location_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.kind_label = _value_label(self)
        self.revision_label = _value_label(self)
        self.revision_label.setWordWrap(False)
        self.kind_label.setWordWrap(False)
        kind_row = QHBoxLayout()  # "数据库版本 3 · 本机文件": what it is, in plain words
        kind_row.addWidget(self.revision_label)
        kind_row.addWidget(QLabel("·", self))
        kind_row.addWidget(self.kind_label, 1)
        self.database_folder_label = ElidedLabel("", self)
        self.database_folder_label.setObjectName("databaseFolder")
        self.database_folder_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.open_database_folder_button = QPushButton(self.tr("Open folder"), self)
        self.open_database_folder_button.setToolTip(self.tr("Show the folder of this database file"))
        self.open_database_folder_button.clicked.connect(self.open_database_folder)
        database_folder_row = QHBoxLayout()
        database_folder_row.addWidget(self.database_folder_label, 1)
        database_folder_row.addWidget(self.open_database_folder_button)
        self.size_label = _value_label(self)
        self.upgrade_label = _value_label(self)
        self.data_folder_label = ElidedLabel(str(self.data_folder()), self)
        self.open_folder_button = QPushButton(self.tr("Open data folder"), self)
        self.open_folder_button.clicked.connect(self.open_data_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_folder_label, 1)
        folder_row.addWidget(self.open_folder_button)

        database_box = QGroupBox(self.tr("Database"), self)
        form = QFormLayout(database_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Location:"), self.location_label)
        form.addRow(self.tr("Database:"), kind_row)
        self.database_folder_caption = QLabel(self.tr("Its folder:"), self)
        form.addRow(self.database_folder_caption, database_folder_row)
        form.addRow(self.tr("Size:"), self.size_label)
        form.addRow(self.tr("Data folder:"), folder_row)
        form.addRow("", self.upgrade_label)

        # --- backup ---------------------------------------------------
        backup_box = QGroupBox(self.tr("Backup"), self)
        self.backup_hint = QLabel(self)
        self.backup_hint.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("Back up now…"), self)
        self.backup_button.clicked.connect(self.start_backup)
        self.backup.finished.connect(lambda _path: self._update_backup_state())
        backup_layout = QVBoxLayout(backup_box)
        backup_layout.addWidget(self.backup_hint)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_button)
        backup_row.addStretch(1)
        backup_layout.addLayout(backup_row)

        # --- language -------------------------------------------------
        language_box = QGroupBox(self.tr("Language"), self)
        self.language_combo = QComboBox(self)
        for code in i18n.SUPPORTED_LANGUAGES:
            self.language_combo.addItem(i18n.LANGUAGE_NAMES[code], code)
        chosen = i18n.saved_language() or i18n.current_language()
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(chosen), 0))
        self.language_combo.currentIndexChanged.connect(self._on_language_changed)
        self.language_note = QLabel(self.tr("A new language takes effect the next time you start the app."), self)
        self.language_note.setWordWrap(True)
        language_row = QHBoxLayout()
        language_row.addWidget(QLabel(self.tr("Interface language:"), self))
        language_row.addWidget(self.language_combo)
        language_row.addStretch(1)
        language_layout = QVBoxLayout(language_box)
        language_layout.addLayout(language_row)
        language_layout.addWidget(self.language_note)

        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(16, 12, 16, 12)
        column.setSpacing(12)
        column.addWidget(database_box)
        self.server_box = ServerBox(self)  # several PCs on one server (ui/settings/server.py)
        column.addWidget(self.server_box)
        column.addWidget(backup_box)
        column.addWidget(language_box)
        column.addStretch(1)
        content.setMaximumWidth(900)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.refresh()

    # --- what it shows --------------------------------------------------
    def data_folder(self) -> Path:
        """Backups, logs and product photos live here (the database too, by default)."""
        return config.data_dir()

    def database_folder(self) -> Optional[Path]:
        """The folder of the database file actually open (None for a server)."""
        if self.database.path is None:
            return None
        return Path(self.database.path).resolve().parent

    def backup_folder(self) -> Optional[Path]:
        if self.database.path is None:
            return None
        return default_backup_path(self.database).parent

    def data_areas(self) -> frozenset:
        """Nothing another PC changes is shown here (the file size follows this window's own writes)."""
        return frozenset()

    def refresh(self) -> None:
        database = self.database
        self.location_label.setFullText(database.describe())
        if database.is_sqlite:
            self.kind_label.setText(self.tr("file on this PC"))
        else:
            self.kind_label.setText(self.tr("server {host}").format(host=server_host(database.url)))
            self.kind_label.setToolTip(self.tr("A PostgreSQL server, shared by several PCs"))
        number = version_number(database.revision)
        self.revision_label.setText(
            self.tr("Database version {number}").format(number=number) if number is not None else "—"
        )
        self.revision_label.setToolTip(database.revision or "")  # the exact id, for whoever helps
        folder = self.database_folder()
        self.database_folder_label.setFullText(str(folder) if folder else "")
        for widget in (self.database_folder_caption, self.database_folder_label, self.open_database_folder_button):
            widget.setVisible(folder is not None)
        if database.path is not None:
            size = file_size(database.path)
            traditional = QLocale.DataSizeFormat.DataSizeTraditionalFormat  # KB/MB as Windows shows them
            self.size_label.setText(QLocale().formattedDataSize(size, 1, traditional))
        else:
            self.size_label.setText(self.tr("Not shown for a server database"))
        self.data_folder_label.setFullText(str(self.data_folder()))
        if database.migrated_from and database.pre_migration_backup:
            self.upgrade_label.setText(
                self.tr("Upgraded from schema {old} when opened; the old file was kept at {path}").format(
                    old=database.migrated_from, path=database.pre_migration_backup
                )
            )
            self.upgrade_label.show()
        else:
            self.upgrade_label.hide()
        self._update_backup_state()

    def _update_backup_state(self) -> None:
        if self.backup.is_available():
            self.backup_hint.setText(
                self.tr(
                    "Save a copy of all your data to a file, for example on a USB stick. "
                    "The app can keep running while it copies. Unless you choose another place, "
                    "backups go to {folder}"
                ).format(folder=self.backup_folder())
            )
            self.backup_button.setEnabled(not self.backup.is_running())
        else:
            self.backup_hint.setText(self.backup.unavailable_reason())
            self.backup_button.setEnabled(False)

    def data_changed(self, areas: frozenset = frozenset()) -> None:
        """Other pages wrote to the database (e.g. demo data): the size changed (shown or not)."""
        self.refresh()

    # --- actions ----------------------------------------------------------
    def open_data_folder(self) -> None:
        open_folder(self, self.data_folder())

    def open_database_folder(self) -> None:
        folder = self.database_folder()
        if folder is not None:
            open_folder(self, folder)

    def start_backup(self, target: Optional[Path] = None):
        handle = self.backup.start(None if isinstance(target, bool) else target)
        self._update_backup_state()
        return handle

    def selected_language(self) -> str:
        return self.language_combo.currentData()

    def _on_language_changed(self, _index: int) -> None:
        code = self.selected_language()
        i18n.save_language(code)
        self.languageChanged.emit(code)
