"""The Settings page's "several PCs" box: use this PC's database file or a shared PostgreSQL
server (host, port, database, user, password), 测试连接 with a clear reason when it fails,
saving the choice for the next start (config.save_database_url), and 复制本机数据到服务器
(this PC's data into an EMPTY server database, once, with progress; services.server).

The password field never echoes, and no message shows it (services.server names host,
port, database and user only)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from ... import config
from ...messages import Problem, render
from ...services import server
from ..errors import report_error
from ..operation import PageOp

if TYPE_CHECKING:
    from ..page import Page


class ServerBox(QGroupBox):
    def __init__(self, page: "Page") -> None:
        super().__init__(page)
        self.setTitle(self.tr("Several PCs"))
        self.setObjectName("serverBox")
        self.page = page
        self.operation: Optional[PageOp] = None
        self.copy_question: Optional[QMessageBox] = None

        self.use_file = QRadioButton(self.tr("The database file on this PC"), self)
        self.use_server = QRadioButton(self.tr("A PostgreSQL server shared by several PCs"), self)
        choice = QButtonGroup(self)
        choice.addButton(self.use_file)
        choice.addButton(self.use_server)
        self.host_edit = QLineEdit(self)
        self.host_edit.setObjectName("serverHost")
        self.host_edit.setPlaceholderText(self.tr("e.g. 192.168.1.10"))
        self.port_spin = QSpinBox(self)
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(server.DEFAULT_PORT)
        self.database_edit = QLineEdit("livestream_desk", self)
        self.user_edit = QLineEdit(self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setObjectName("serverPassword")

        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton(self.tr("Use from the next start"), self)
        self.save_button.setToolTip(self.tr("The app opens this database the next time it starts"))
        self.save_button.clicked.connect(self.save_choice)
        self.copy_button = QPushButton(self.tr("Copy this PC's data to the server…"), self)
        self.copy_button.setToolTip(self.tr("Once, into an empty server database; this PC's file stays as it is"))
        self.copy_button.clicked.connect(self.ask_copy)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("serverStatus")
        self.status_label.setWordWrap(True)

        self.form = QFormLayout()
        self.form.addRow(self.tr("Server address:"), self.host_edit)
        self.form.addRow(self.tr("Port:"), self.port_spin)
        self.form.addRow(self.tr("Database name:"), self.database_edit)
        self.form.addRow(self.tr("User name:"), self.user_edit)
        self.form.addRow(self.tr("Password:"), self.password_edit)
        buttons = QHBoxLayout()
        for button in (self.test_button, self.save_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.use_file)
        layout.addWidget(self.use_server)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)

        self._load_saved()
        self.use_server.toggled.connect(self._update_enabled)
        self._update_enabled()

    # --- the form ---------------------------------------------------------------------------
    def _load_saved(self) -> None:
        saved = config.saved_database_url()
        if saved is None:
            self.use_file.setChecked(True)
            return
        self.use_server.setChecked(True)
        try:
            address = server.ServerAddress.from_url(saved)
        except Exception:  # noqa: BLE001 - a hand-edited choice file: start from an empty form
            return
        self.host_edit.setText(address.host)
        self.port_spin.setValue(address.port)
        self.database_edit.setText(address.database)
        self.user_edit.setText(address.user)
        self.password_edit.setText(address.password)

    def _update_enabled(self) -> None:
        on_server = self.use_server.isChecked()
        for field in (self.host_edit, self.port_spin, self.database_edit, self.user_edit, self.password_edit,
                      self.test_button):
            field.setEnabled(on_server)
        self.copy_button.setEnabled(on_server and self.page.database.is_sqlite and not self.page.is_read_only())

    def address(self) -> server.ServerAddress:
        return server.ServerAddress(host=self.host_edit.text().strip(), port=self.port_spin.value(),
                                    database=self.database_edit.text().strip(), user=self.user_edit.text().strip(),
                                    password=self.password_edit.text())

    def _say(self, text: str, problem: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: palette(link);" if not problem else "color: #b3261e;")

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, Problem):
            self._say(render(exc.message, QCoreApplication.translate), problem=True)
        else:
            report_error(self, exc)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.test_button, self.save_button, self.copy_button):
            button.setEnabled(not busy)
        if not busy:
            self._update_enabled()

    # --- 测试连接 ---------------------------------------------------------------------------
    def test_connection(self) -> None:
        address = self.address()
        self._say(self.tr("Connecting to {host}…").format(host=address.host))
        self._set_busy(True)
        self.operation = PageOp(self.page, lambda _db: server.test_connection(address), success=self._tested,
                                failure=self._failed).run()

    def _tested(self, check: server.ServerCheck) -> None:
        self._set_busy(False)
        if check.rows:
            text = self.tr("Connected (PostgreSQL {version}). The database holds the shop's data "
                           "({rows} rows): use it from the next start.")
        else:
            text = self.tr("Connected (PostgreSQL {version}). The database is empty: copy this PC's data "
                           "into it, or start afresh there.")
        self._say(text.format(version=check.server_version, rows=f"{check.rows:,}"))

    # --- saving the choice ------------------------------------------------------------------------
    def save_choice(self) -> None:
        if self.use_file.isChecked():
            config.save_database_url(None)
            self._say(self.tr("Saved: the app opens the database file on this PC from the next start."))
            return
        address = self.address()
        try:
            server.check_address(address)
        except Problem as exc:
            self._failed(exc)
            return
        config.save_database_url(address.url())
        self._say(self.tr("Saved: the app opens {where} from the next start.").format(where=address.where()))

    # --- 复制本机数据到服务器 ---------------------------------------------------------------------
    def ask_copy(self) -> None:
        address = self.address()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Copy to the server"),
                          self.tr("Copy all the data of this PC to {where}? The server database must be empty; "
                                  "this PC's file stays as it is.").format(where=address.where()),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("copyQuestion")
        self.copy_yes_button = box.addButton(self.tr("Copy"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)

        def answered(_result: int) -> None:
            self.copy_question = None
            if box.clickedButton() is self.copy_yes_button:
                self.copy_to_server(address)

        box.finished.connect(answered)
        self.copy_question = box
        box.open()

    def copy_to_server(self, address: server.ServerAddress) -> None:
        self._set_busy(True)
        self._say(self.tr("Copying to {where}…").format(where=address.where()))

        def work(db, task):
            return server.copy_to_server(db, address, progress=task.progress, cancelled=task.cancelled)

        def progressed(done: int, total: int) -> None:
            self._say(self.tr("Copying to {where}: {done} of {total} rows…").format(
                where=address.where(), done=f"{done:,}", total=f"{total:,}"))

        def copied(result: server.CopyResult) -> None:
            self._set_busy(False)
            self._say(self.tr("Copied {rows} rows to {where}. Choose the server and “Use from the next start” to "
                              "work on it from every PC.").format(rows=f"{result.rows:,}", where=address.where()))

        self.operation = PageOp(self.page, work, with_task=True, success=copied, failure=self._failed,
                                progress=progressed, label=self.tr("Copying to the server"),
                                cancelled=lambda: (self._set_busy(False), self._say(self.tr("Cancelled. Nothing was copied.")))
                                ).run()


__all__ = ["ServerBox"]
