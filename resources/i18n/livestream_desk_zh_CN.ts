<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>%2/%1</source>
        <comment>a month: %1 is the year, %2 the month number</comment>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>No sales in the previous month to compare with</source>
        <translation>上月没有销售，无法计算环比</translation>
    </message>
    <message>
        <source>%1 vs previous month</source>
        <translation>环比 %1</translation>
    </message>
    <message>
        <source>Net sales: %1</source>
        <translation>净成交：%1</translation>
    </message>
    <message>
        <source>GMV: %1</source>
        <translation>成交金额：%1</translation>
    </message>
    <message>
        <source>Refunds: %1</source>
        <translation>退款金额：%1</translation>
    </message>
    <message>
        <source>Orders: %1</source>
        <translation>订单数：%1</translation>
    </message>
    <message>
        <source>Livestreams: %1</source>
        <translation>直播场次：%1</translation>
    </message>
    <message>
        <source>Month-on-month growth: %1</source>
        <translation>环比增长：%1</translation>
    </message>
    <message>
        <source>Target: %1 (%2% reached)</source>
        <translation>目标：%1（已完成 %2%）</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Nothing was changed. Choose another database with --db, or restore a backup.</source>
        <translation>数据没有被改动。可以用 --db 指定另一个数据库，或者从备份恢复。</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <source>The app backs up SQLite database files. This database is on a PostgreSQL server: ask whoever runs the server to back it up (for example with pg_dump).</source>
        <translation>本软件只能备份 SQLite 数据库文件。当前数据库在 PostgreSQL 服务器上，请让管理服务器的人备份（例如用 pg_dump）。</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Database backups (*.sqlite3 *.db);;All files (*)</source>
        <translation>数据库备份 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose another file: a backup cannot replace the database itself.</source>
        <translation>请另选一个文件：备份不能覆盖数据库本身。</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Backup saved to {path}</source>
        <translation>备份已保存到 {path}</translation>
    </message>
    <message>
        <source>Backup saved</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <source>The database was backed up to:
{path}</source>
        <translation>数据库已备份到：
{path}</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Backup cancelled; no file was written.</source>
        <translation>备份已取消，没有写入任何文件。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Preset periods end with the latest month that has sales (%1)</source>
        <translation>预设时间段截止到最近一个有销售的月份（%1）</translation>
    </message>
    <message>
        <source>Figures for %1</source>
        <translation>%1 数据</translation>
    </message>
    <message>
        <source>The figures could not be loaded.</source>
        <translation>数据加载失败。</translation>
    </message>
    <message>
        <source>Could not load the dashboard</source>
        <translation>概览加载失败</translation>
    </message>
    <message>
        <source>Creating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Could not load demo data</source>
        <translation>演示数据载入失败</translation>
    </message>
</context>
<context>
    <name>Desktop</name>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>The folder could not be opened here. It is:
{folder}</source>
        <translation>无法在这里打开文件夹。它的位置是：
{folder}</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No sales yet</source>
        <translation>还没有销售数据</translation>
    </message>
    <message>
        <source>Once sales are recorded, this page shows monthly net sales, growth and targets.
To look around first, load demo data: two years of realistic livestream sales of local specialty products.</source>
        <translation>记录销售后，这里会显示每月净成交、增长和目标完成情况。
想先看看效果，可以载入演示数据：两年的家乡特产直播销售记录。</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Fill this empty database with demo products, livestreams and sales</source>
        <translation>在这个空数据库里填入演示用的商品、直播场次和订单</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Could not use the file {filename}: {reason}</source>
        <translation>无法使用文件 {filename}：{reason}</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消，没有做任何改动。</translation>
    </message>
    <message>
        <source>The database could not be used just now: {reason}</source>
        <translation>数据库暂时无法使用：{reason}</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法完成</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>The app ran into a problem it did not expect. This is a bug, not something you did wrong.</source>
        <translation>软件遇到了意料之外的问题。这是软件的缺陷，不是您操作有误。</translation>
    </message>
    <message>
        <source>Please copy the details below and send them to whoever looks after this app, then try again.</source>
        <translation>请复制下面的详细信息，发给负责维护这个软件的人，然后再试一次。</translation>
    </message>
</context>
<context>
    <name>KpiCards</name>
    <message>
        <source>Net sales</source>
        <translation>净成交</translation>
    </message>
    <message>
        <source>Livestreams</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Net sales per livestream</source>
        <translation>场均净成交</translation>
    </message>
    <message>
        <source>Monthly target</source>
        <translation>月度目标</translation>
    </message>
    <message>
        <source>GMV %1 · refunds %2</source>
        <translation>成交金额 %1 · 退款 %2</translation>
    </message>
    <message>
        <source>completed livestreams</source>
        <translation>已完成的直播</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1 件</translation>
    </message>
    <message>
        <source>no livestreams this month</source>
        <translation>本月没有直播</translation>
    </message>
    <message>
        <source>net sales ÷ livestreams</source>
        <translation>净成交 ÷ 直播场次</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Livestream Desk</source>
        <translation>助农直播台账</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Back Up Database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>Save a copy of all data to a file</source>
        <translation>把全部数据另存一份到文件</translation>
    </message>
    <message>
        <source>Back up a PostgreSQL server with its own tools</source>
        <translation>PostgreSQL 服务器请用服务器自己的工具备份</translation>
    </message>
    <message>
        <source>&amp;Open Data Folder</source>
        <translation>打开数据文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>Show the folder with backups and logs</source>
        <translation>打开存放备份和日志的文件夹</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Load the figures of this page again</source>
        <translation>重新加载本页数据</translation>
    </message>
    <message>
        <source>&amp;About Livestream Desk</source>
        <translation>关于助农直播台账(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation>数据库：{location}</translation>
    </message>
    <message>
        <source>About Livestream Desk</source>
        <translation>关于助农直播台账</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Livestream Desk {version}&lt;/h3&gt;&lt;p&gt;Plan livestreams, log their sales and follow monthly growth, on one PC and without internet.&lt;/p&gt;&lt;p&gt;Database: {location}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;助农直播台账 {version}&lt;/h3&gt;&lt;p&gt;安排直播、记录销售、查看每月增长。一台电脑就能用，不需要联网。&lt;/p&gt;&lt;p&gt;数据库：{location}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MonthlyChart</name>
    <message>
        <source>Net sales (¥)</source>
        <translation>净成交（元）</translation>
    </message>
    <message>
        <source>Growth vs previous month (%)</source>
        <translation>环比增长（%）</translation>
    </message>
</context>
<context>
    <name>MonthlyReportModel</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Livestreams</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交金额(GMV)</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>净成交</translation>
    </message>
    <message>
        <source>MoM growth</source>
        <translation>环比增长</translation>
    </message>
    <message>
        <source>Target progress</source>
        <translation>目标完成率</translation>
    </message>
    <message>
        <source>Calendar month, Beijing time</source>
        <translation>自然月，北京时间</translation>
    </message>
    <message>
        <source>Livestreams finished in the month</source>
        <translation>当月已完成的直播场次</translation>
    </message>
    <message>
        <source>Orders with at least one paid item</source>
        <translation>至少有一件已付款商品的订单</translation>
    </message>
    <message>
        <source>Items paid for</source>
        <translation>已付款的商品件数</translation>
    </message>
    <message>
        <source>Gross merchandise value: everything paid, before refunds</source>
        <translation>成交金额：所有已付款金额，未扣退款</translation>
    </message>
    <message>
        <source>Refunds on the month&apos;s orders</source>
        <translation>当月订单的退款金额</translation>
    </message>
    <message>
        <source>GMV minus refunds</source>
        <translation>成交金额减去退款金额</translation>
    </message>
    <message>
        <source>Net sales compared with the month before</source>
        <translation>净成交与上月相比的增长</translation>
    </message>
    <message>
        <source>Net sales as a share of the month&apos;s target</source>
        <translation>净成交占当月目标的比例</translation>
    </message>
    <message>
        <source>No net sales in the month before, so there is nothing to compare with</source>
        <translation>上月没有净成交，无法计算环比</translation>
    </message>
    <message>
        <source>No target set for this month</source>
        <translation>本月没有设定目标</translation>
    </message>
    <message>
        <source>{net} of the {target} target</source>
        <translation>目标 {target}，已完成 {net}</translation>
    </message>
</context>
<context>
    <name>PeriodSelector</name>
    <message>
        <source>Last 6 months</source>
        <translation>近 6 个月</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>Last 24 months</source>
        <translation>近 24 个月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>Which months to show</source>
        <translation>要查看的月份</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
</context>
<context>
    <name>Platform</name>
    <message>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <source>WeChat Channels</source>
        <translation>视频号</translation>
    </message>
    <message>
        <source>Taobao Live</source>
        <translation>淘宝直播</translation>
    </message>
    <message>
        <source>JD Live</source>
        <translation>京东直播</translation>
    </message>
    <message>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>All months</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <source>From the first to the last month with sales</source>
        <translation>从第一个到最后一个有销售的月份</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save the report as a CSV file that Excel opens</source>
        <translation>把报表保存为 CSV 文件，可以用 Excel 打开</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No sales recorded yet. The Dashboard page can load demo data to try the app.</source>
        <translation>还没有销售记录。可以在“概览”页载入演示数据试用。</translation>
    </message>
    <message>
        <source>The report could not be loaded.</source>
        <translation>报表加载失败。</translation>
    </message>
    <message>
        <source>all platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>{count} months, {first} to {last}, {platform}</source>
        <translation>共 {count} 个月（{first} 至 {last}），{platform}</translation>
    </message>
    <message>
        <source>Export monthly report</source>
        <translation>导出月度报表</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation>报表已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Schema version:</source>
        <translation>结构版本：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>A new language takes effect the next time you start the app.</source>
        <translation>更换的语言在下次启动软件时生效。</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>SQLite file on this PC</source>
        <translation>本机 SQLite 文件</translation>
    </message>
    <message>
        <source>PostgreSQL server, shared by several PCs</source>
        <translation>PostgreSQL 服务器（多台电脑共用）</translation>
    </message>
    <message>
        <source>Not shown for a server database</source>
        <translation>服务器数据库不显示大小</translation>
    </message>
    <message>
        <source>Upgraded from schema {old} when opened; the old file was kept at {path}</source>
        <translation>打开时已从结构版本 {old} 升级；升级前的文件保存在 {path}</translation>
    </message>
    <message>
        <source>Save a copy of all your data to a file, for example on a USB stick. The app can keep running while it copies. Unless you choose another place, backups go to {folder}</source>
        <translation>把全部数据另存一份到文件，比如存到 U 盘。备份时软件可以照常使用。如果不另选位置，备份会存到 {folder}</translation>
    </message>
</context>
<context>
    <name>TaskStatus</name>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <source>The last month is before the first month.</source>
        <translation>结束月份早于开始月份。</translation>
    </message>
</context>
</TS>
