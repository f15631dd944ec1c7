<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
    <name>BreakdownModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Allotted</source>
        <translation>备货</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <source>Sold / allotted</source>
        <translation>售罄率</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Realised price</source>
        <translation>成交均价</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Sold in this livestream but not in its lineup</source>
        <translation>本场售出但不在排品中</translation>
    </message>
    <message>
        <source>not in lineup</source>
        <translation>不在排品中</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>{count} products</source>
        <translation>{count} 个商品</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>+{count} more</source>
        <translation>还有 {count} 场</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>Livestream results</source>
        <translation>直播战报</translation>
    </message>
    <message>
        <source>Monthly results</source>
        <translation>月度战报</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>净成交</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>观看人数</translation>
    </message>
    <message>
        <source>GPM</source>
        <translation>千次观看成交（GPM）</translation>
    </message>
    <message>
        <source>Units sold</source>
        <translation>成交件数</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Top products</source>
        <translation>热销商品</translation>
    </message>
    <message>
        <source>No sales yet</source>
        <translation>暂无成交</translation>
    </message>
    <message>
        <source>{units} units</source>
        <translation>{units} 件</translation>
    </message>
    <message>
        <source>Host {name}</source>
        <translation>主播 {name}</translation>
    </message>
    <message>
        <source>vs last month</source>
        <translation>环比上月</translation>
    </message>
    <message>
        <source>Livestreams</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <source>Producers helped</source>
        <translation>带动生产者</translation>
    </message>
    <message>
        <source>Best livestream</source>
        <translation>最佳直播</translation>
    </message>
    <message>
        <source>Producers helped most</source>
        <translation>助农排行</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>Made with Livestream Desk · {moment}</source>
        <translation>由助农直播台账生成 · {moment}</translation>
    </message>
    <message>
        <source>No livestream this month</source>
        <translation>本月暂无直播</translation>
    </message>
    <message>
        <source>GMV {gmv}</source>
        <translation>成交金额 {gmv}</translation>
    </message>
    <message>
        <source>Last month {amount}</source>
        <translation>上月 {amount}</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <source>Save PNG…</source>
        <translation>保存 PNG…</translation>
    </message>
    <message>
        <source>results-%1.png</source>
        <translation>战报-%1.png</translation>
    </message>
    <message>
        <source>results-livestream-%1.png</source>
        <translation>战报-直播-%1.png</translation>
    </message>
    <message>
        <source>Monthly results — %1</source>
        <translation>月度战报 — %1</translation>
    </message>
    <message>
        <source>Livestream results</source>
        <translation>直播战报</translation>
    </message>
    <message>
        <source>The card could not be made.</source>
        <translation>无法生成战报。</translation>
    </message>
    <message>
        <source>Cannot make the card</source>
        <translation>无法生成战报</translation>
    </message>
    <message>
        <source>Card copied: paste it into WeChat</source>
        <translation>战报已复制，可粘贴到微信</translation>
    </message>
    <message>
        <source>Save the card</source>
        <translation>保存战报</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Card saved to %1</source>
        <translation>战报已保存到 %1</translation>
    </message>
</context>
<context>
    <name>CatalogueCommands</name>
    <message>
        <source>New product {name}</source>
        <translation>新建商品{name}</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑{name}</translation>
    </message>
    <message>
        <source>Archive {name}</source>
        <translation>下架{name}</translation>
    </message>
    <message>
        <source>Put {name} back on sale</source>
        <translation>重新上架{name}</translation>
    </message>
    <message>
        <source>Archive {count} products</source>
        <translation>下架 {count} 件商品</translation>
    </message>
    <message>
        <source>Put {count} products back on sale</source>
        <translation>重新上架 {count} 件商品</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>删除{name}</translation>
    </message>
    <message>
        <source>Delete {count} products</source>
        <translation>删除 {count} 件商品</translation>
    </message>
    <message>
        <source>Delete {deleted} and archive {archived} products</source>
        <translation>删除 {deleted} 件、下架 {archived} 件商品</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>Export products</source>
        <translation>导出商品</translation>
    </message>
    <message>
        <source>&amp;Import Products…</source>
        <translation>导入商品(&amp;I)…</translation>
    </message>
    <message>
        <source>Bring products in from an Excel or CSV product list</source>
        <translation>从 Excel 或 CSV 商品表导入商品</translation>
    </message>
    <message>
        <source>&amp;Export Products…</source>
        <translation>导出商品(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the products to an Excel or CSV file</source>
        <translation>把商品保存为 Excel 或 CSV 文件</translation>
    </message>
    <message>
        <source>Download Product &amp;Template…</source>
        <translation>下载商品导入模板(&amp;T)…</translation>
    </message>
    <message>
        <source>Save an empty product list to fill in with Excel</source>
        <translation>保存一份空白商品表，用 Excel 填写后导入</translation>
    </message>
    <message>
        <source>&amp;New Product…</source>
        <translation>新建商品(&amp;N)…</translation>
    </message>
    <message>
        <source>Add a product to the catalogue</source>
        <translation>在商品库里添加一件商品</translation>
    </message>
    <message>
        <source>&amp;Edit Product…</source>
        <translation>编辑商品(&amp;E)…</translation>
    </message>
    <message>
        <source>Change the selected product</source>
        <translation>修改选中的商品</translation>
    </message>
    <message>
        <source>&amp;Stock…</source>
        <translation>库存(&amp;S)…</translation>
    </message>
    <message>
        <source>Add or take away stock, with a reason; see the history</source>
        <translation>增加或减少库存并写明原因；查看库存记录</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>下架(&amp;A)</translation>
    </message>
    <message>
        <source>Hide the product from the list and from new lineups</source>
        <translation>商品不再出现在列表和新的排品里，销售记录保留</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected products (can be undone)</source>
        <translation>删除选中的商品（可以撤销）</translation>
    </message>
    <message>
        <source>&amp;Find Product</source>
        <translation>查找商品(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Categories…</source>
        <translation>管理分类(&amp;C)…</translation>
    </message>
    <message>
        <source>Add, rename, merge or delete categories</source>
        <translation>添加、改名、合并或删除分类</translation>
    </message>
    <message>
        <source>Search by name, seller SKU, origin or producer, also in pinyin</source>
        <translation>按名称、商家编码、产地或生产者查找，也可以输入拼音</translation>
    </message>
    <message>
        <source>Search name, seller SKU, origin, producer — pinyin works: hj, huangju</source>
        <translation>搜索名称、商家编码、产地、生产者——可用拼音，如 hj、huangju</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Stock…</source>
        <translation>库存…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>下架</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Categories…</source>
        <translation>分类…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>No products yet. Click “New product” to add one, or import a product list from Excel (File → Download Product Template gives you one to fill in).</source>
        <translation>还没有商品。点“新建商品”逐个添加，或从 Excel 商品表导入（“文件 → 下载商品导入模板”可以得到一份空表来填写）。</translation>
    </message>
    <message>
        <source>The products could not be loaded.</source>
        <translation>商品列表没能加载。</translation>
    </message>
    <message>
        <source>No products match</source>
        <translation>没有符合条件的商品</translation>
    </message>
    <message>
        <source>{count} products</source>
        <translation>共 {count} 件商品</translation>
    </message>
    <message>
        <source>Total  {count} products · in stock {units} · worth {value} at cost</source>
        <translation>合计  {count} 件商品 · 库存 {units} 件 · 成本货值 {value}</translation>
    </message>
    <message>
        <source> ({count} without a cost price)</source>
        <translation>（{count} 件商品未填成本价）</translation>
    </message>
    <message>
        <source>Put Back on &amp;Sale</source>
        <translation>重新上架(&amp;S)</translation>
    </message>
    <message>
        <source>Show the product in the list and in lineups again</source>
        <translation>让商品重新出现在列表和排品里</translation>
    </message>
    <message>
        <source>Put back on sale</source>
        <translation>重新上架</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存{name}</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <source>Product lists (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>商品表 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported: {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected</source>
        <translation>已导入：新增 {new}，更新 {updated}，未变 {unchanged}，拒绝 {rejected}</translation>
    </message>
    <message>
        <source>products-{date}.xlsx</source>
        <translation>商品表-{date}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exported {count} products to {path}</source>
        <translation>已导出 {count} 件商品到 {path}</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Save the product template</source>
        <translation>保存商品导入模板</translation>
    </message>
    <message>
        <source>product-template.xlsx</source>
        <translation>商品导入模板.xlsx</translation>
    </message>
    <message>
        <source>Template saved to {path}</source>
        <translation>模板已保存到 {path}</translation>
    </message>
    <message>
        <source>The list is filtered. Export only the {count} products shown, or the whole catalogue?</source>
        <translation>列表已经筛选过。只导出当前显示的 {count} 件商品，还是导出全部商品？</translation>
    </message>
    <message>
        <source>Products shown ({count})</source>
        <translation>当前筛选的商品（{count} 件）</translation>
    </message>
    <message>
        <source>Whole catalogue</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <source>{sales} sale lines and {lineup} lineup items</source>
        <translation>{sales} 条销售记录和 {lineup} 条排品记录</translation>
    </message>
    <message>
        <source>{sales} sale lines</source>
        <translation>{sales} 条销售记录</translation>
    </message>
    <message>
        <source>{lineup} lineup items</source>
        <translation>{lineup} 条排品记录</translation>
    </message>
    <message>
        <source>Delete products</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <source>Delete {name}?

You can undo this with Undo in the Edit menu.</source>
        <translation>删除{name}吗？

删除后可以用“编辑”菜单里的“撤销”恢复。</translation>
    </message>
    <message>
        <source>{name} has {uses}, so it cannot be deleted; it is already archived.</source>
        <translation>{name}有 {uses}，不能删除；它已经下架了。</translation>
    </message>
    <message>
        <source>{name} has {uses}, so it cannot be deleted.

Archive it instead? It disappears from the product list and from new lineups; its sales stay in the reports.</source>
        <translation>{name}有 {uses}，不能删除。

改为下架吗？下架后它不再出现在商品列表和新的排品里，销售记录仍然保留在报表中。</translation>
    </message>
    <message>
        <source>Archive instead of deleting</source>
        <translation>改为下架</translation>
    </message>
    <message>
        <source>Delete these {count} products?

You can undo this with Undo in the Edit menu.</source>
        <translation>删除这 {count} 件商品吗？

删除后可以用“编辑”菜单里的“撤销”恢复。</translation>
    </message>
    <message>
        <source>{used} of the {count} products have sales or lineup items and cannot be deleted: they will be archived instead. The other {free} will be deleted.

Go ahead? You can undo this.</source>
        <translation>这 {count} 件商品中有 {used} 件有销售或排品记录，不能删除，将改为下架；其余 {free} 件将被删除。

继续吗？之后可以撤销。</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Categories</source>
        <translation>商品分类</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Move this category&apos;s products to another category and remove it</source>
        <translation>把这个分类的商品移到另一个分类，并删除这个分类</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>A category with products can be merged into another, not deleted.</source>
        <translation>有商品的分类不能删除，可以合并到另一个分类。</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>新建分类</translation>
    </message>
    <message>
        <source>Name of the new category:</source>
        <translation>新分类的名称：</translation>
    </message>
    <message>
        <source>Rename category</source>
        <translation>分类改名</translation>
    </message>
    <message>
        <source>New name for {name}:</source>
        <translation>“{name}”的新名称：</translation>
    </message>
    <message>
        <source>Merge category</source>
        <translation>合并分类</translation>
    </message>
    <message>
        <source>Move the {count} products of {name} to:</source>
        <translation>把“{name}”的 {count} 件商品移到：</translation>
    </message>
</context>
<context>
    <name>CategoryModel</name>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品数</translation>
    </message>
</context>
<context>
    <name>ChangedElsewhereQuestion</name>
    <message>
        <source>Changed on another computer</source>
        <translation>已在其他电脑上修改</translation>
    </message>
    <message>
        <source>Reload shows the saved values (what you typed here is dropped). Overwrite saves what you typed over the other change.</source>
        <translation>重新载入：显示已保存的内容（这里输入的内容将放弃）。覆盖：用这里输入的内容覆盖对方的修改。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>CumulativeChart</name>
    <message>
        <source>Cumulative net sales</source>
        <translation>累计净成交</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
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
        <source>The last month is before the first month.</source>
        <translation>结束月份早于开始月份。</translation>
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
        <source>Growth vs previous month: %1</source>
        <translation>环比增长：%1</translation>
    </message>
    <message>
        <source>Target: %1 (%2% reached)</source>
        <translation>目标：%1（已完成 %2%）</translation>
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
    <name>DemoNotice</name>
    <message>
        <source>This database holds demo data: made-up products, livestreams and sales. Clear it before you enter your own, or keep it to look around.</source>
        <translation>这个数据库里有演示数据：虚构的商品、直播和销售。录入自己的数据前可以清除，也可以先留着看看。</translation>
    </message>
    <message>
        <source>Clear demo data…</source>
        <translation>清除演示数据…</translation>
    </message>
    <message>
        <source>Could not look for demo data</source>
        <translation>无法检查演示数据</translation>
    </message>
    <message>
        <source>Clear demo data</source>
        <translation>清除演示数据</translation>
    </message>
    <message>
        <source>Remove the demo products, livestreams and sales?</source>
        <translation>清除演示用的商品、直播和销售吗？</translation>
    </message>
    <message>
        <source>Your own products and sales stay. A demo product or livestream that one of your own sales uses stays too, as yours.</source>
        <translation>您自己的商品和销售会保留。您自己的销售用到的演示商品或直播也会保留，算作您的数据。</translation>
    </message>
    <message>
        <source>Could not clear the demo data</source>
        <translation>无法清除演示数据</translation>
    </message>
    <message>
        <source>Clearing demo data…</source>
        <translation>正在清除演示数据…</translation>
    </message>
    <message>
        <source>Demo data cleared: {count} sale lines removed; your own data is unchanged.</source>
        <translation>演示数据已清除：删除了 {count} 条销售明细；您自己的数据没有改动。</translation>
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
    <name>DetailsPanel</name>
    <message>
        <source>Select a livestream to see it here. Double-click a day to plan one.</source>
        <translation>选中一场直播即可在此查看。双击某一天可新建直播。</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Lineup…</source>
        <translation>排品…</translation>
    </message>
    <message>
        <source>Go live</source>
        <translation>开播</translation>
    </message>
    <message>
        <source>End</source>
        <translation>下播</translation>
    </message>
    <message>
        <source>Cancel livestream</source>
        <translation>取消直播</translation>
    </message>
    <message>
        <source>Plan again</source>
        <translation>恢复计划</translation>
    </message>
    <message>
        <source>Review figures…</source>
        <translation>复盘数据…</translation>
    </message>
    <message>
        <source>Print run sheet…</source>
        <translation>打印流程单…</translation>
    </message>
    <message>
        <source>Save run sheet…</source>
        <translation>保存流程单…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制一场</translation>
    </message>
    <message>
        <source>Host: {name}</source>
        <translation>主播：{name}</translation>
    </message>
    <message>
        <source>Theme: {theme}</source>
        <translation>主题：{theme}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <source>Actual: {times}</source>
        <translation>实际：{times}</translation>
    </message>
    <message>
        <source>Lineup: {count} products · {value}</source>
        <translation>排品：{count} 个 · {value}</translation>
    </message>
    <message>
        <source>Viewers: {count}</source>
        <translation>观看人数：{count}</translation>
    </message>
    <message>
        <source>Part of a weekly series</source>
        <translation>每周系列直播之一</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记为已完成</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>Details: %1</source>
        <translation>明细：%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Livestreams</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Livestream results card…</source>
        <translation>直播战报…</translation>
    </message>
    <message>
        <source>The shareable result card of the selected livestream</source>
        <translation>所选直播的战报图片，可分享</translation>
    </message>
    <message>
        <source>%1 livestreams · %2 products</source>
        <translation>%1 场直播 · %2 个商品</translation>
    </message>
</context>
<context>
    <name>EarlyFigures</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
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
    <message>
        <source>Import an order export</source>
        <translation>导入订单导出文件</translation>
    </message>
    <message>
        <source>Bring in a 抖店, 快手小店 or 京东 order export file</source>
        <translation>导入抖店、快手小店或京东的订单导出文件</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
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
    <name>FilterBar</name>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已下架</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>待核对</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Archived products are hidden from the list and from new lineups</source>
        <translation>下架的商品不出现在列表和新的排品里</translation>
    </message>
    <message>
        <source>Low stock only</source>
        <translation>只看库存不足</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>All origins</source>
        <translation>全部产地</translation>
    </message>
    <message>
        <source>All producers</source>
        <translation>全部生产者</translation>
    </message>
    <message>
        <source>All certifications</source>
        <translation>全部认证</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>产地</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>生产者</translation>
    </message>
    <message>
        <source>Certification</source>
        <translation>认证</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>FirstStartTour</name>
    <message>
        <source>Find your way</source>
        <translation>认识导航</translation>
    </message>
    <message>
        <source>Everything is reached from this list on the left: the dashboard, the schedule, the products, the sales, the reports and the settings. Ctrl+1 to Ctrl+6 switch pages too.</source>
        <translation>左边这一列是导航：概览、直播排期、商品、销售、报表和设置，点一下就能切换。也可以按 Ctrl+1 到 Ctrl+6。</translation>
    </message>
    <message>
        <source>Start with what you sell. New product adds one at a time; or fill in the Excel sheet from File → Download Product Template and bring it in with Import…</source>
        <translation>先录入要卖的商品：点“新建商品”一件件添加；或者用“文件 → 下载商品导入模板”填好 Excel，再点“导入…”。</translation>
    </message>
    <message>
        <source>Double-click a day to plan a livestream: platform, live room, host, time. Then Lineup… picks the products in order with their live prices, and Print run sheet… gives the host a sheet.</source>
        <translation>在月历上双击某一天就能新建直播：选平台、直播间、主播和时间。再点“排品…”按顺序选商品、填直播价，点“打印流程单…”给主播一份流程单。</translation>
    </message>
    <message>
        <source>Your products</source>
        <translation>录入商品</translation>
    </message>
    <message>
        <source>Plan livestreams</source>
        <translation>安排直播</translation>
    </message>
    <message>
        <source>Log the sales</source>
        <translation>记录销售</translation>
    </message>
    <message>
        <source>While you are live, the Live console logs a sale with one key. Afterwards, Import orders reads the order export of 抖店, 快手小店 or 京东. Reports and results cards are on the Reports page. Press F1 at any time for the user guide.</source>
        <translation>直播时用“快捷录入”，按一个键记一单；直播后点“导入订单”，导入抖店、快手小店或京东的订单文件。报表和战报在“报表”页。随时按 F1 打开使用说明。</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Don&apos;t show again</source>
        <translation>不再显示</translation>
    </message>
    <message>
        <source>Step {number} of {count}</source>
        <translation>第 {number} 步，共 {count} 步</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>User Guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>User Guide — {topic}</source>
        <translation>使用说明 — {topic}</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Order import history</source>
        <translation>订单导入记录</translation>
    </message>
    <message>
        <source>Undo batch</source>
        <translation>撤销此批次</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Undoing a batch removes the lines it added and gives their stock back; refunds it reported for older lines stay.</source>
        <translation>撤销批次会删除该批次新增的销售记录并退回库存；它为之前记录报告的退款会保留。</translation>
    </message>
    <message>
        <source>Cannot read the import history</source>
        <translation>无法读取导入记录</translation>
    </message>
    <message>
        <source>Remove the {count} lines imported from {file} (batch #{batch})?</source>
        <translation>删除从 {file} 导入的 {count} 行（批次 #{batch}）？</translation>
    </message>
    <message>
        <source>Cannot undo the batch</source>
        <translation>无法撤销此批次</translation>
    </message>
    <message>
        <source>Batch #{batch} undone: {count} lines removed.</source>
        <translation>批次 #{batch} 已撤销：删除了 {count} 行。</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import products — {file}</source>
        <translation>导入商品 — {file}</translation>
    </message>
    <message>
        <source>New {new} · Update {update} · Unchanged {unchanged} · Rejected {rejected}</source>
        <translation>新增 {new} · 更新 {update} · 未变 {unchanged} · 拒绝 {rejected}</translation>
    </message>
    <message>
        <source>New categories: {names}</source>
        <translation>将新建分类：{names}</translation>
    </message>
    <message>
        <source>New producers: {names}</source>
        <translation>将新建生产者：{names}</translation>
    </message>
    <message>
        <source>Columns not used: {names}</source>
        <translation>没有用到的列：{names}</translation>
    </message>
    <message>
        <source>This same file was already imported on {when}.</source>
        <translation>这个文件在 {when} 已经导入过。</translation>
    </message>
    <message>
        <source>Rejected rows are left out; the other rows can still be imported.</source>
        <translation>被拒绝的行不会导入，其余的行照常导入。</translation>
    </message>
    <message>
        <source>All rows ({count})</source>
        <translation>全部行（{count}）</translation>
    </message>
    <message>
        <source>Import {count} products</source>
        <translation>导入 {count} 件商品</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>没有需要导入的内容</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Nothing has been written yet.</source>
        <translation>现在还没有写入任何数据。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>Status</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Seller code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Changes or reason</source>
        <translation>变化或拒绝原因</translation>
    </message>
    <message>
        <source>Same as in the catalogue</source>
        <translation>与商品库中的相同</translation>
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
    <name>LineupDialog</name>
    <message>
        <source>Lineup: {title}</source>
        <translation>排品：{title}</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Remove from lineup</source>
        <translation>移出排品(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy lineup</source>
        <translation>复制排品(&amp;C)</translation>
    </message>
    <message>
        <source>Copy from an earlier livestream:</source>
        <translation>从以前的直播复制：</translation>
    </message>
    <message>
        <source>Double-click a live price, allotted stock or talking points to change it; drag rows or press Ctrl+Up / Ctrl+Down to reorder.</source>
        <translation>双击直播价、配货数量或卖点即可修改；拖动行或按 Ctrl+↑ / Ctrl+↓ 调整顺序。</translation>
    </message>
    <message>
        <source>Find products: name, code, pinyin (e.g. hj for 皇菊)</source>
        <translation>查找商品：名称、编码、拼音（如 hj 找皇菊）</translation>
    </message>
    <message>
        <source>&amp;Add to lineup</source>
        <translation>加入排品(&amp;A)</translation>
    </message>
    <message>
        <source>Add products</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{count} products · planned value {value}</source>
        <translation>{count} 个商品 · 计划货值 {value}</translation>
    </message>
    <message>
        <source>{shown} of {total} products</source>
        <translation>显示 {shown} / 共 {total} 个商品</translation>
    </message>
    <message>
        <source>{label} ({count} products)</source>
        <translation>{label}（{count} 个商品）</translation>
    </message>
    <message>
        <source>Move {name} up</source>
        <translation>上移 {name}</translation>
    </message>
    <message>
        <source>Move {name} down</source>
        <translation>下移 {name}</translation>
    </message>
    <message>
        <source>Reorder the lineup</source>
        <translation>调整排品顺序</translation>
    </message>
    <message>
        <source>Remove {count} products from the lineup</source>
        <translation>从排品移除 {count} 个商品</translation>
    </message>
    <message>
        <source>{count} products</source>
        <translation>{count} 个商品</translation>
    </message>
    <message>
        <source>Add {name} to the lineup</source>
        <translation>将 {name} 加入排品</translation>
    </message>
    <message>
        <source>live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>allotted stock</source>
        <translation>配货数量</translation>
    </message>
    <message>
        <source>talking points</source>
        <translation>卖点</translation>
    </message>
    <message>
        <source>Change the {field}</source>
        <translation>修改{field}</translation>
    </message>
    <message>
        <source>Copy a lineup</source>
        <translation>复制排品</translation>
    </message>
</context>
<context>
    <name>LineupModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Allotted</source>
        <translation>配货</translation>
    </message>
    <message>
        <source>Talking points</source>
        <translation>卖点</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>货值</translation>
    </message>
    <message>
        <source>This product was archived in the catalogue; it stays in this lineup.</source>
        <translation>该商品已在商品库归档，但仍保留在这场的排品中。</translation>
    </message>
    <message>
        <source>In stock: {stock}</source>
        <translation>库存：{stock}</translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation>（已归档）</translation>
    </message>
</context>
<context>
    <name>LiveConsole</name>
    <message>
        <source>Live Console</source>
        <translation>直播快捷录入</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>净成交</translation>
    </message>
    <message>
        <source>Quantity of the next sale (+ / −):</source>
        <translation>下一笔数量（+ / −）：</translation>
    </message>
    <message>
        <source>Undo last (Backspace)</source>
        <translation>撤销上一笔（退格键）</translation>
    </message>
    <message>
        <source>Last +1 (Ctrl+↑)</source>
        <translation>上一笔 +1（Ctrl+↑）</translation>
    </message>
    <message>
        <source>Last −1 (Ctrl+↓)</source>
        <translation>上一笔 −1（Ctrl+↓）</translation>
    </message>
    <message>
        <source>Press a product&apos;s number to log one sale. Enter confirms a two-digit number.</source>
        <translation>按商品编号记一笔销售；两位编号按回车确认。</translation>
    </message>
    <message>
        <source>Latest entries</source>
        <translation>最近录入</translation>
    </message>
    <message>
        <source>Live Console — {title}</source>
        <translation>直播快捷录入 — {title}</translation>
    </message>
    <message>
        <source>{time}  {product} × {quantity}  {amount}</source>
        <translation>{time}  {product} × {quantity}  {amount}</translation>
    </message>
    <message>
        <source>This livestream has no lineup yet: add products to it on the Schedule page.</source>
        <translation>本场直播还没有排品：请先在直播排期页添加商品。</translation>
    </message>
    <message>
        <source>{number}  {name}
{price}   sold {sold}{allotted}</source>
        <translation>{number}  {name}
{price}   已售 {sold}{allotted}</translation>
    </message>
    <message>
        <source>Logged {product} × {quantity}</source>
        <translation>已记录 {product} × {quantity}</translation>
    </message>
    <message>
        <source>Took back {product} × {quantity}</source>
        <translation>已撤销 {product} × {quantity}</translation>
    </message>
    <message>
        <source>Nothing to take back</source>
        <translation>没有可撤销的录入</translation>
    </message>
    <message>
        <source>Last entry is now {product} × {quantity}</source>
        <translation>上一笔已改为 {product} × {quantity}</translation>
    </message>
    <message>
        <source>Cannot log the sale</source>
        <translation>无法记录销售</translation>
    </message>
    <message>
        <source>There is no product {number} in the lineup</source>
        <translation>排品中没有第 {number} 号商品</translation>
    </message>
</context>
<context>
    <name>LivestreamEditor</name>
    <message>
        <source>Edit livestream</source>
        <translation>编辑直播</translation>
    </message>
    <message>
        <source>New livestream</source>
        <translation>新建直播</translation>
    </message>
    <message>
        <source>e.g. 婺源皇菊 year-end special</source>
        <translation>例如：婺源皇菊年货专场</translation>
    </message>
    <message>
        <source>e.g. 年货节, 双十一</source>
        <translation>例如：年货节、双十一</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>平台(&amp;P)</translation>
    </message>
    <message>
        <source>Live &amp;room</source>
        <translation>直播间(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>主播(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Starts</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>主题(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Repeat every week</source>
        <translation>每周重复</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>直到</translation>
    </message>
    <message>
        <source>Number of livestreams</source>
        <translation>场数</translation>
    </message>
    <message>
        <source>On these days, at the start time above:</source>
        <translation>在以下星期几、按上面的开始时间：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>复制一场(&amp;D)</translation>
    </message>
    <message>
        <source>Cancel &amp;livestream</source>
        <translation>取消这场直播(&amp;L)</translation>
    </message>
    <message>
        <source>Cancel s&amp;eries</source>
        <translation>取消整个系列(&amp;E)</translation>
    </message>
    <message>
        <source>Part of a weekly series ({count} planned ahead). Saving asks whether to change only this livestream or the whole series.</source>
        <translation>这是每周系列直播之一（之后还有 {count} 场计划）。保存时会询问只改这一场还是整个系列。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <source>{count} livestreams: {days} (last {last})</source>
        <translation>共 {count} 场：{days}（最后一场 {last}）</translation>
    </message>
    <message>
        <source>Change the series?</source>
        <translation>修改整个系列？</translation>
    </message>
    <message>
        <source>This livestream is part of a weekly series. Change only this livestream, or this and all {count} planned livestreams of the series ahead?</source>
        <translation>这场直播属于每周系列。只修改这一场，还是修改这一场及之后计划中的全部 {count} 场？</translation>
    </message>
    <message>
        <source>Only this one</source>
        <translation>只改这一场</translation>
    </message>
    <message>
        <source>The whole series</source>
        <translation>整个系列</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回修改</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……还有 {count} 处</translation>
    </message>
    <message>
        <source>Double-booked</source>
        <translation>时间冲突</translation>
    </message>
    <message>
        <source>The same host or live room is already booked at that time:</source>
        <translation>同一主播或直播间在这个时间已有安排：</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Not saved: change the time, the host or the live room.</source>
        <translation>未保存：请修改时间、主播或直播间。</translation>
    </message>
</context>
<context>
    <name>LivestreamSalesView</name>
    <message>
        <source>Livestream Sales</source>
        <translation>直播场次销售</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>净成交</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>观看人数</translation>
    </message>
    <message>
        <source>GPM (per 1,000 viewers)</source>
        <translation>GPM（千次观看成交）</translation>
    </message>
    <message>
        <source>UV value</source>
        <translation>UV 价值</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>ROI (GMV ÷ ad spend)</source>
        <translation>ROI（成交 ÷ 投流）</translation>
    </message>
    <message>
        <source>Products vs lineup</source>
        <translation>商品与排品对比</translation>
    </message>
    <message>
        <source>Sale lines</source>
        <translation>销售明细</translation>
    </message>
    <message>
        <source>Live console</source>
        <translation>快捷录入</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Make results card…</source>
        <translation>生成战报…</translation>
    </message>
    <message>
        <source>A phone-sized picture of this livestream&apos;s results to share</source>
        <translation>生成本场直播成绩的手机尺寸图片，便于分享</translation>
    </message>
    <message>
        <source>Cannot show the livestream</source>
        <translation>无法显示直播场次</translation>
    </message>
    <message>
        <source>Livestream Sales — {title}</source>
        <translation>直播场次销售 — {title}</translation>
    </message>
</context>
<context>
    <name>LivestreamTableModel</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Live room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品数</translation>
    </message>
    <message>
        <source>Planned value</source>
        <translation>计划货值</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>观看人数</translation>
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
        <source>Catalogue</source>
        <translation>商品</translation>
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
        <source>Schedule</source>
        <translation>直播排期</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>{title} (read-only)</source>
        <translation>{title}（只读）</translation>
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
        <source>&amp;User Guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <source>How to use the app, step by step (no internet needed)</source>
        <translation>一步一步教您使用本软件（不需要联网）</translation>
    </message>
    <message>
        <source>&amp;Getting Started Tour</source>
        <translation>新手引导(&amp;G)</translation>
    </message>
    <message>
        <source>A short tour of the main places of the window</source>
        <translation>简单介绍窗口里的几个主要位置</translation>
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
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
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
    <name>Messages</name>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消，没有做任何修改。</translation>
    </message>
    <message>
        <source>It was deleted meanwhile (on this or another computer); refresh the list.</source>
        <translation>它刚刚已被删除（在本机或另一台电脑上）；请刷新列表。</translation>
    </message>
    <message>
        <source>Could not use the file {path}: {reason}</source>
        <translation>无法使用文件 {path}：{reason}</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The database could not be used just now: {reason}</source>
        <translation>数据库暂时无法使用：{reason}</translation>
    </message>
    <message>
        <source>unknown platform “{value}”; use one of {choices}</source>
        <translation>未知平台“{value}”；请使用其中之一：{choices}</translation>
    </message>
    <message>
        <source>{path} is the database itself; choose another file for the backup</source>
        <translation>{path} 就是数据库本身；请为备份选择别的文件</translation>
    </message>
    <message>
        <source>{path} already exists and is not a database backup; not overwriting it</source>
        <translation>{path} 已存在且不是数据库备份；不会覆盖它</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database backup</source>
        <translation>{path} 是文件夹，不是数据库备份</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason}); not restoring it</source>
        <translation>{path} 已损坏（{reason}）；不会用它恢复</translation>
    </message>
    <message>
        <source>{path} is the database itself; nothing to restore</source>
        <translation>{path} 就是数据库本身；没有可恢复的内容</translation>
    </message>
    <message>
        <source>{path} is a database without livestream_desk data; not replacing it</source>
        <translation>{path} 是一个没有本软件数据的数据库；不会替换它</translation>
    </message>
    <message>
        <source>{path} already exists; add --force to replace it, or choose another file</source>
        <translation>{path} 已存在；要替换它请加 --force，或换一个文件</translation>
    </message>
    <message>
        <source>cannot write the backup {path}: {reason}; nothing was left behind</source>
        <translation>无法写入备份 {path}：{reason}；没有留下不完整的文件</translation>
    </message>
    <message>
        <source>not enough space for the backup {path}: it needs about {needed} MB and {free} MB are free; free some space or choose another disk</source>
        <translation>备份 {path} 的空间不够：大约需要 {needed} MB，只剩 {free} MB；请腾出空间或换一个磁盘</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason}); no backup was made, as it would carry the damage. Keep your earlier backups; `check` shows the details.</source>
        <translation>{path} 已损坏（{reason}）；没有备份，因为备份会带着损坏。请保留之前的备份；`check` 可查看详情。</translation>
    </message>
    <message>
        <source>not an SQLite file</source>
        <translation>不是 SQLite 文件</translation>
    </message>
    <message>
        <source>{path} could not be read ({reason}); it was kept as {target} and the backup restored in its place</source>
        <translation>{path} 无法读取（{reason}）；它已保留为 {target}，并在原位置恢复了备份</translation>
    </message>
    <message>
        <source>The product cannot be saved: {problems}</source>
        <translation>无法保存商品：{problems}</translation>
    </message>
    <message>
        <source>Products cannot be sorted by “{sort}”.</source>
        <translation>商品不能按“{sort}”排序。</translation>
    </message>
    <message>
        <source>{platform} code {code} already belongs to {product}</source>
        <translation>{platform}编码 {code} 已属于{product}</translation>
    </message>
    <message>
        <source>a platform code is already used by another product</source>
        <translation>有一个平台编码已经被其他商品使用</translation>
    </message>
    <message>
        <source>cannot save: {reason}</source>
        <translation>无法保存：{reason}</translation>
    </message>
    <message>
        <source>{product} has {sales} sale lines and {lineup} lineup items and cannot be deleted; archive it instead</source>
        <translation>{product}有 {sales} 条销售记录和 {lineup} 条排品记录，不能删除；可以改为下架</translation>
    </message>
    <message>
        <source>{count} of these products have sales or lineup items and cannot be deleted ({products}); archive them instead. Nothing was deleted.</source>
        <translation>其中 {count} 件商品有销售或排品记录，不能删除（{products}）；可以改为下架。没有删除任何商品。</translation>
    </message>
    <message>
        <source>seller code {sku} is already used by {product}</source>
        <translation>商家编码 {sku} 已被{product}使用</translation>
    </message>
    <message>
        <source>{product} has the same name and spec and no seller code; give one of them a seller code or a different spec</source>
        <translation>{product}的名称和规格相同，也没有商家编码；请给其中一个填写商家编码或换一个规格</translation>
    </message>
    <message>
        <source>this seller code is already used by another product</source>
        <translation>这个商家编码已经被其他商品使用</translation>
    </message>
    <message>
        <source>cannot restore {product}: seller code {sku} is now used by {other}</source>
        <translation>无法恢复{product}：商家编码 {sku} 现在被{other}使用</translation>
    </message>
    <message>
        <source>cannot restore {product}: {reason}</source>
        <translation>无法恢复{product}：{reason}</translation>
    </message>
    <message>
        <source>the stock change must be a whole number</source>
        <translation>库存变动必须是整数</translation>
    </message>
    <message>
        <source>the stock change is 0; nothing to record</source>
        <translation>变动数量是 0，没有需要记录的</translation>
    </message>
    <message>
        <source>give a reason for the stock change</source>
        <translation>请填写库存变动的原因</translation>
    </message>
    <message>
        <source>the reason is too long (at most {limit} characters)</source>
        <translation>原因太长（最多 {limit} 个字）</translation>
    </message>
    <message>
        <source>{product} has only {stock} in stock; cannot take away {amount}</source>
        <translation>{product}只有 {stock} 件库存，不能减少 {amount} 件</translation>
    </message>
    <message>
        <source>stock must be a whole number, not negative</source>
        <translation>库存必须是不小于 0 的整数</translation>
    </message>
    <message>
        <source>the low-stock threshold must be a whole number, not negative</source>
        <translation>库存预警值必须是不小于 0 的整数</translation>
    </message>
    <message>
        <source>the category name is required</source>
        <translation>请填写分类名称</translation>
    </message>
    <message>
        <source>the category name is too long (at most {limit} characters)</source>
        <translation>分类名称太长（最多 {limit} 个字）</translation>
    </message>
    <message>
        <source>there is already a category “{name}”</source>
        <translation>已经有分类“{name}”了</translation>
    </message>
    <message>
        <source>there is already a category “{name}”; merge the two instead</source>
        <translation>已经有分类“{name}”了；可以把两个分类合并</translation>
    </message>
    <message>
        <source>choose two different categories to merge</source>
        <translation>请选择两个不同的分类来合并</translation>
    </message>
    <message>
        <source>the producer&apos;s name is required</source>
        <translation>请填写生产者名称</translation>
    </message>
    <message>
        <source>the producer&apos;s name is too long (at most {limit} characters)</source>
        <translation>生产者名称太长（最多 {limit} 个字）</translation>
    </message>
    <message>
        <source>there is already a producer “{name}”</source>
        <translation>已经有生产者“{name}”了</translation>
    </message>
    <message>
        <source>{file} is not a picture (choose a JPG, PNG or WebP file)</source>
        <translation>{file} 不是图片（请选择 JPG、PNG 或 WebP 文件）</translation>
    </message>
    <message>
        <source>the photo {path} is not in the app&apos;s photo folder and is not used; choose the photo again</source>
        <translation>照片 {path} 不在本软件的照片文件夹里，不会使用；请重新选择照片</translation>
    </message>
    <message>
        <source>{file} is too large ({size} MB; at most {limit} MB)</source>
        <translation>{file} 太大（{size} MB，最大 {limit} MB）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid month ({reason}); write YYYY-MM, e.g. 2026-10</source>
        <translation>“{value}”不是有效的月份（{reason}）；请写成 YYYY-MM，例如 2026-10</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number</source>
        <translation>“{value}”不是整数</translation>
    </message>
    <message>
        <source>must be {minimum} or more, got {value}</source>
        <translation>至少要 {minimum}，实际是 {value}</translation>
    </message>
    <message>
        <source>--smoke goes with the window, not with the {command} command</source>
        <translation>--smoke 只用于打开窗口，不能和 {command} 命令一起用</translation>
    </message>
    <message>
        <source>--db is empty; give a database file or URL</source>
        <translation>--db 是空的；请给出数据库文件或地址</translation>
    </message>
    <message>
        <source>--from {first} is after {last_option} {last}</source>
        <translation>--from {first} 晚于 {last_option} {last}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file</source>
        <translation>{path} 是文件夹，不是文件</translation>
    </message>
    <message>
        <source>cannot export to {target}: the file name must end in {suffixes} (the suffix decides the format)</source>
        <translation>无法导出到 {target}：文件名必须以 {suffixes} 结尾（后缀决定格式）</translation>
    </message>
    <message>
        <source>cannot export to {target}: the file name must end in {suffixes}; --to names the file, the last month is {option} YYYY-MM</source>
        <translation>无法导出到 {target}：文件名必须以 {suffixes} 结尾；--to 指定文件，最后一个月用 {option} YYYY-MM</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>(this is a bug; please report it with the details below)</source>
        <translation>（这是程序缺陷；请连同下面的详细信息一起报告）</translation>
    </message>
    <message>
        <source>generating demo data</source>
        <translation>正在生成演示数据</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>正在读取</translation>
    </message>
    <message>
        <source>importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>exporting products</source>
        <translation>正在导出商品</translation>
    </message>
    <message>
        <source>backing up</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <source>restoring</source>
        <translation>正在恢复</translation>
    </message>
    <message>
        <source>demo data in {path}: {first}..{last} ({months} months), {products} products, {livestreams} livestreams, {sale_lines} sale lines ({seconds} s)</source>
        <translation>演示数据已写入 {path}：{first}..{last}（{months} 个月），{products} 个商品，{livestreams} 场直播，{sale_lines} 条销售明细（{seconds} 秒）</translation>
    </message>
    <message>
        <source>wrote {count} product to {target}</source>
        <translation>已把 {count} 个商品写入 {target}</translation>
    </message>
    <message>
        <source>wrote {count} products to {target}</source>
        <translation>已把 {count} 个商品写入 {target}</translation>
    </message>
    <message>
        <source>wrote {count} month ({first}..{last}) to {target}</source>
        <translation>已把 {count} 个月（{first}..{last}）写入 {target}</translation>
    </message>
    <message>
        <source>wrote {count} months ({first}..{last}) to {target}</source>
        <translation>已把 {count} 个月（{first}..{last}）写入 {target}</translation>
    </message>
    <message>
        <source>wrote 0 months (no paid sales yet) to {target}</source>
        <translation>已写入 {target}：0 个月（还没有已支付的销售）</translation>
    </message>
    <message>
        <source>backed up {source} to {target} ({size})</source>
        <translation>已把 {source} 备份到 {target}（{size}）</translation>
    </message>
    <message>
        <source>saved the previous content of {source} to {target}</source>
        <translation>已把 {source} 原来的内容保存到 {target}</translation>
    </message>
    <message>
        <source>restored {source} into {target} (schema {revision})</source>
        <translation>已把 {source} 恢复到 {target}（结构版本 {revision}）</translation>
    </message>
    <message>
        <source>restored {source} into {target} (schema {revision}, upgraded to {head})</source>
        <translation>已把 {source} 恢复到 {target}（结构版本 {revision}，已升级到 {head}）</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>工作表 {sheet}</translation>
    </message>
    <message>
        <source>{file}: {new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected</source>
        <translation>{file}：新增 {new}，更新 {updated}，未变 {unchanged}，拒绝 {rejected}</translation>
    </message>
    <message>
        <source>ignored columns: {columns}</source>
        <translation>忽略的列：{columns}</translation>
    </message>
    <message>
        <source>rejected rows (row number as the spreadsheet shows it, header = row 1):</source>
        <translation>被拒绝的行（行号与表格中显示的一致，表头为第 1 行）：</translation>
    </message>
    <message>
        <source>row {row}, {problems}</source>
        <translation>第 {row} 行，{problems}</translation>
    </message>
    <message>
        <source>{column} &apos;{value}&apos;: {reason}</source>
        <translation>{column} &apos;{value}&apos;：{reason}</translation>
    </message>
    <message>
        <source>{column}: {reason}</source>
        <translation>{column}：{reason}</translation>
    </message>
    <message>
        <source>new categories: {names}</source>
        <translation>新分类：{names}</translation>
    </message>
    <message>
        <source>new producers: {names}</source>
        <translation>新生产者：{names}</translation>
    </message>
    <message>
        <source>this file was imported before, at {at}</source>
        <translation>这个文件之前导入过，时间 {at}</translation>
    </message>
    <message>
        <source>imported into {path} (import batch {batch})</source>
        <translation>已导入 {path}（导入批次 {batch}）</translation>
    </message>
    <message>
        <source>rows that would change:</source>
        <translation>将要修改的行：</translation>
    </message>
    <message>
        <source>row {row} {name}: {changes}</source>
        <translation>第 {row} 行 {name}：{changes}</translation>
    </message>
    <message>
        <source>{column} {old} → {new}</source>
        <translation>{column}：{old} → {new}</translation>
    </message>
    <message>
        <source>… and {count} more changed rows</source>
        <translation>……另有 {count} 行有修改</translation>
    </message>
    <message>
        <source>nothing to change in {path}</source>
        <translation>{path} 中没有需要改动的内容</translation>
    </message>
    <message>
        <source>dry run: nothing was written to {path}</source>
        <translation>试运行：没有向 {path} 写入任何内容</translation>
    </message>
    <message>
        <source>no database at {path}</source>
        <translation>{path} 处没有数据库</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} 是文件夹，不是数据库文件</translation>
    </message>
    <message>
        <source>{path} is an empty file, not a livestream_desk database</source>
        <translation>{path} 是空文件，不是 livestream_desk 数据库</translation>
    </message>
    <message>
        <source>{path} holds no livestream_desk data</source>
        <translation>{path} 里没有 livestream_desk 的数据</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>the database could not be read; the file may be damaged ({reason}). Restore a backup.</source>
        <translation>无法读取数据库，文件可能已损坏（{reason}）。请恢复一份备份。</translation>
    </message>
    <message>
        <source>cannot open {path}: {reason}</source>
        <translation>无法打开 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a livestream_desk database (not an SQLite file, or damaged). Restore a backup (Settings shows where backups are kept) or choose another file.</source>
        <translation>{path} 不是本软件的数据库（不是 SQLite 文件，或已损坏）。请恢复一份备份（设置页显示备份的位置），或选择别的文件。</translation>
    </message>
    <message>
        <source>{path} holds tables that livestream_desk did not make; it belongs to another program and was not changed</source>
        <translation>{path} 里的表不是本软件建的；它属于别的程序，文件没有改动</translation>
    </message>
    <message>
        <source>{path} was made by a newer livestream_desk (schema {revision}); update the app to open it. The file was not changed.</source>
        <translation>{path} 是由更新版本的本软件创建的（结构版本 {revision}）；请先安装更新版本再打开。文件没有改动。</translation>
    </message>
    <message>
        <source>backups are made of an SQLite database file; for a PostgreSQL server use its own tools, e.g. pg_dump -Fc -f livestream_desk.dump DBNAME (and pg_restore to restore)</source>
        <translation>备份针对的是 SQLite 数据库文件；PostgreSQL 服务器请用它自己的工具，例如 pg_dump -Fc -f livestream_desk.dump DBNAME（恢复用 pg_restore）</translation>
    </message>
    <message>
        <source>the database server at {path} did not answer within {seconds} s; check the address and that the server is running (add ?connect_timeout=SECONDS to the URL to wait longer)</source>
        <translation>数据库服务器 {path} 在 {seconds} 秒内没有应答；请检查地址，并确认服务器正在运行（要等更久，可在地址后加 ?connect_timeout=秒数）</translation>
    </message>
    <message>
        <source>the database server did not finish reading within {seconds} s (busy, or locked by other work); try again</source>
        <translation>数据库服务器在 {seconds} 秒内没有读完（服务器繁忙，或被其他操作锁住）；请稍后再试</translation>
    </message>
    <message>
        <source>bad database URL {path}: {reason}</source>
        <translation>数据库地址 {path} 有误：{reason}</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation>端口必须是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>the host has an unclosed [ or ] (an IPv6 address is written [::1])</source>
        <translation>主机地址的 [ 或 ] 没有成对（IPv6 地址写作 [::1]）</translation>
    </message>
    <message>
        <source>the PostgreSQL driver is not installed: pip install &quot;livestream_desk[postgresql]&quot; ({reason})</source>
        <translation>没有安装 PostgreSQL 驱动：pip install &quot;livestream_desk[postgresql]&quot;（{reason}）</translation>
    </message>
    <message>
        <source>{path} has an older schema; --dry-run cannot upgrade it: run `check`, or import without --dry-run</source>
        <translation>{path} 的结构版本较旧，--dry-run 不能升级它：请先运行 `check`，或不加 --dry-run 导入</translation>
    </message>
    <message>
        <source>integrity: {reason}</source>
        <translation>完整性：{reason}</translation>
    </message>
    <message>
        <source>foreign key: table {table} row {row} points to a missing {parent}</source>
        <translation>外键：表 {table} 第 {row} 行指向不存在的 {parent}</translation>
    </message>
    <message>
        <source>{path} (no database there yet)</source>
        <translation>{path}（那里还没有数据库）</translation>
    </message>
    <message>
        <source>{path} has an older schema and is read-only, so it cannot be upgraded; copy it to a folder you can write to and open the copy</source>
        <translation>{path} 的数据库版本较旧，而且是只读的，无法升级；请把它复制到可写的文件夹后打开副本</translation>
    </message>
    <message>
        <source>{reason}: nothing can be changed in it. Copy it to a folder you can write to, or use a command that only reads (report, check, export, --dry-run)</source>
        <translation>{reason}：其中的内容不能修改。请把它复制到可写的文件夹，或使用只读取的命令（report、check、export、--dry-run）</translation>
    </message>
    <message>
        <source>the database file {path} is read-only</source>
        <translation>数据库文件 {path} 是只读的</translation>
    </message>
    <message>
        <source>the folder of the database {path} is read-only (SQLite needs to write its journal there)</source>
        <translation>数据库 {path} 所在的文件夹是只读的（SQLite 需要在那里写日志文件）</translation>
    </message>
    <message>
        <source>the database {path} is on a read-only disk</source>
        <translation>数据库 {path} 在只读磁盘上</translation>
    </message>
    <message>
        <source>“{value}” is not an amount</source>
        <translation>“{value}”不是金额</translation>
    </message>
    <message>
        <source>the amount is empty</source>
        <translation>金额是空的</translation>
    </message>
    <message>
        <source>“{value}” has no digits</source>
        <translation>“{value}”里没有数字</translation>
    </message>
    <message>
        <source>“{value}” has misplaced thousands separators</source>
        <translation>“{value}”的千位分隔符位置不对</translation>
    </message>
    <message>
        <source>“{value}” has more than one decimal point</source>
        <translation>“{value}”有不止一个小数点</translation>
    </message>
    <message>
        <source>“{value}” contains “{char}” where only digits may stand</source>
        <translation>“{value}”含有“{char}”，这里只能写数字</translation>
    </message>
    <message>
        <source>“{value}” is not a number</source>
        <translation>“{value}”不是数字</translation>
    </message>
    <message>
        <source>“{value}” has more than two decimals (fen are the smallest unit)</source>
        <translation>“{value}”超过两位小数（最小单位是分）</translation>
    </message>
    <message>
        <source>{file} is not an order export the app knows: no header row of 抖店, 快手小店, 京东 or the app&apos;s order template in its first rows.</source>
        <translation>{file} 不是本软件能识别的订单导出文件：前几行中没有抖店、快手小店、京东或本软件订单模板的表头。</translation>
    </message>
    <message>
        <source>{file} has no header row of a {platform} order export (it needs the columns {columns}).</source>
        <translation>{file} 中没有{platform}订单导出文件的表头（需要这些列：{columns}）。</translation>
    </message>
    <message>
        <source>{file} has a header row but no order lines under it.</source>
        <translation>{file} 有表头，但表头下没有订单行。</translation>
    </message>
    <message>
        <source>{file} has {rows} rows; at most {limit} can be imported at once. Export a shorter period.</source>
        <translation>{file} 有 {rows} 行，一次最多导入 {limit} 行。请导出更短的时间段。</translation>
    </message>
    <message>
        <source>unknown order layout “{value}”; use auto, douyin, kuaishou, jd, generic or 抖音, 快手, 京东</source>
        <translation>未知的订单格式“{value}”；请使用 auto、douyin、kuaishou、jd、generic 或 抖音、快手、京东</translation>
    </message>
    <message>
        <source>Import #{batch} no longer exists.</source>
        <translation>导入批次 #{batch} 已不存在。</translation>
    </message>
    <message>
        <source>Import #{batch} was already undone on {when}.</source>
        <translation>导入批次 #{batch} 已于 {when} 撤销。</translation>
    </message>
    <message>
        <source>The product chosen for “{name}” was deleted meanwhile; choose another and import again.</source>
        <translation>为“{name}”选择的商品已被删除；请重新选择后再导入。</translation>
    </message>
    <message>
        <source>抖店 (Douyin)</source>
        <translation>抖店</translation>
    </message>
    <message>
        <source>快手小店 (Kuaishou)</source>
        <translation>快手小店</translation>
    </message>
    <message>
        <source>京东 (JD)</source>
        <translation>京东</translation>
    </message>
    <message>
        <source>the app&apos;s order template</source>
        <translation>本软件的订单模板</translation>
    </message>
    <message>
        <source>this column is required and the cell is empty</source>
        <translation>此列为必填，但单元格为空</translation>
    </message>
    <message>
        <source>“{value}” is not an order or product ID</source>
        <translation>“{value}”不是有效的订单号或商品编号</translation>
    </message>
    <message>
        <source>the ID “{value}” was damaged by Excel (scientific notation); export the file from the platform again and import it without opening it in Excel</source>
        <translation>编号“{value}”已被 Excel 改成科学计数法而损坏；请从平台重新导出文件，不要用 Excel 打开后直接导入</translation>
    </message>
    <message>
        <source>“{value}” is not a quantity (a whole number, 0 or more)</source>
        <translation>“{value}”不是有效的数量（应为 0 或以上的整数）</translation>
    </message>
    <message>
        <source>“{value}” is not an amount of money</source>
        <translation>“{value}”不是有效的金额</translation>
    </message>
    <message>
        <source>the amount “{value}” is negative</source>
        <translation>金额“{value}”为负数</translation>
    </message>
    <message>
        <source>“{value}” is not a date and time (write it as 2026-09-10 08:00:00)</source>
        <translation>“{value}”不是有效的日期时间（请写成 2026-09-10 08:00:00）</translation>
    </message>
    <message>
        <source>the refund {value} is more than the amount paid for the line</source>
        <translation>退款 {value} 超过了该行的实付金额</translation>
    </message>
    <message>
        <source>the freight {value} is more than the amount the order paid</source>
        <translation>运费 {value} 超过了订单的应付金额</translation>
    </message>
    <message>
        <source>another line of order {value} (row {row}) was rejected; the order&apos;s money is split over all its lines, so none of them is imported</source>
        <translation>订单 {value} 的另一行（第 {row} 行）被拒绝；订单金额按所有行分摊，因此该订单的各行都不导入</translation>
    </message>
    <message>
        <source>the same order line appears earlier in the file (row {row})</source>
        <translation>同一订单行在文件前面已出现过（第 {row} 行）</translation>
    </message>
    <message>
        <source>unknown platform “{value}”; use 抖音, 快手, 视频号, 淘宝, 京东, 拼多多 or 其他</source>
        <translation>未知平台“{value}”；请使用 抖音、快手、视频号、淘宝、京东、拼多多 或 其他</translation>
    </message>
    <message>
        <source>the cell holds {value} characters; at most {limit}</source>
        <translation>单元格有 {value} 个字符，最多 {limit} 个</translation>
    </message>
    <message>
        <source>{file}: {layout}, {rows} rows</source>
        <translation>{file}：{layout}，共 {rows} 行</translation>
    </message>
    <message>
        <source>new: {new}, duplicate: {duplicate}, updated: {updated}, rejected: {rejected}</source>
        <translation>新增：{new}，重复：{duplicate}，更新：{updated}，拒绝：{rejected}</translation>
    </message>
    <message>
        <source>unpaid lines ignored: {count}</source>
        <translation>已忽略未付款的行：{count}</translation>
    </message>
    <message>
        <source>row {row}, column {column}, value “{value}”: {reason}</source>
        <translation>第 {row} 行，列 {column}，值“{value}”：{reason}</translation>
    </message>
    <message>
        <source>new products marked “needs review”: {count} ({names})</source>
        <translation>新建的商品已标记为“待核对”：{count} 个（{names}）</translation>
    </message>
    <message>
        <source>Imported as batch #{batch} into {path}.</source>
        <translation>已作为批次 #{batch} 导入到 {path}。</translation>
    </message>
    <message>
        <source>Nothing new to import; the database is unchanged.</source>
        <translation>没有新的内容可导入，数据库未改变。</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
        <source>Importing orders</source>
        <translation>正在导入订单</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a month; write it as YYYY-MM, e.g. 2026-10</source>
        <translation>“{value}”不是月份；请写成 YYYY-MM，例如 2026-10</translation>
    </message>
    <message>
        <source>month {month} is not between 1 and 12</source>
        <translation>月份 {month} 不在 1 到 12 之间</translation>
    </message>
    <message>
        <source>year {year} is out of range</source>
        <translation>年份 {year} 超出范围</translation>
    </message>
    <message>
        <source>the range ends ({last}) before it starts ({first})</source>
        <translation>范围的结束月份（{last}）早于开始月份（{first}）</translation>
    </message>
    <message>
        <source>a range needs at least one month</source>
        <translation>范围至少要有一个月</translation>
    </message>
    <message>
        <source>the price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>the live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>the cost</source>
        <translation>成本价</translation>
    </message>
    <message>
        <source>the amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>the low-stock threshold</source>
        <translation>库存预警值</translation>
    </message>
    <message>
        <source>shelf life</source>
        <translation>保质期</translation>
    </message>
    <message>
        <source>the value</source>
        <translation>这个值</translation>
    </message>
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
    <message>
        <source>the product name is required</source>
        <translation>请填写商品名称</translation>
    </message>
    <message>
        <source>too long ({length} characters; at most {limit})</source>
        <translation>太长（{length} 个字，最多 {limit} 个）</translation>
    </message>
    <message>
        <source>{what} must be a whole number</source>
        <translation>{what}必须是整数</translation>
    </message>
    <message>
        <source>{what} must be a whole number, not {value}</source>
        <translation>{what}必须是整数，不能是 {value}</translation>
    </message>
    <message>
        <source>{what} must be a whole number; “{value}” is not a number</source>
        <translation>{what}必须是整数，“{value}”不是数字</translation>
    </message>
    <message>
        <source>{what} is required</source>
        <translation>请填写{what}</translation>
    </message>
    <message>
        <source>{what} cannot be negative</source>
        <translation>{what}不能为负数</translation>
    </message>
    <message>
        <source>{what} is too large</source>
        <translation>{what}太大</translation>
    </message>
    <message>
        <source>{what} is not an amount of money</source>
        <translation>{what}不是金额</translation>
    </message>
    <message>
        <source>not an amount of money: {reason}</source>
        <translation>不是金额：{reason}</translation>
    </message>
    <message>
        <source>line {line}: choose the platform</source>
        <translation>第 {line} 行：请选择平台</translation>
    </message>
    <message>
        <source>line {line}: the product code is empty</source>
        <translation>第 {line} 行：商品编码是空的</translation>
    </message>
    <message>
        <source>line {line}: the code is too long</source>
        <translation>第 {line} 行：编码太长</translation>
    </message>
    <message>
        <source>{code} is listed twice for {platform}</source>
        <translation>{platform}的编码 {code} 填了两次</translation>
    </message>
    <message>
        <source>row {row}: {reason}</source>
        <translation>第 {row} 行：{reason}</translation>
    </message>
    <message>
        <source>row {row}, {column}: {reason}</source>
        <translation>第 {row} 行，{column}：{reason}</translation>
    </message>
    <message>
        <source>row {row}, {column} “{value}”: {reason}</source>
        <translation>第 {row} 行，{column}“{value}”：{reason}</translation>
    </message>
    <message>
        <source>the same 商家编码 is in row {row}</source>
        <translation>第 {row} 行已经有相同的商家编码</translation>
    </message>
    <message>
        <source>row {row} has the same name and spec and no 商家编码</source>
        <translation>第 {row} 行的名称和规格相同，也没有商家编码</translation>
    </message>
    <message>
        <source>{count} products without 商家编码 have this name and spec; add the 商家编码 to this row</source>
        <translation>有 {count} 件没有商家编码的商品名称和规格都相同；请在这一行填写商家编码</translation>
    </message>
    <message>
        <source>write {on_sale} or {archived}</source>
        <translation>请填写 {on_sale} 或 {archived}</translation>
    </message>
    <message>
        <source>{file} looks like an order export (it has a {column} column), not a product list; import it as orders</source>
        <translation>{file} 看起来是订单导出文件（有“{column}”列），不是商品表；请用订单导入</translation>
    </message>
    <message>
        <source>{new} new, {updated} updated, {unchanged} unchanged, {rejected} rejected</source>
        <translation>新增 {new}，更新 {updated}，未变 {unchanged}，有问题 {rejected}</translation>
    </message>
    <message>
        <source>cannot report {first}..{last}: {reason}</source>
        <translation>无法生成 {first}..{last} 的报表：{reason}</translation>
    </message>
    <message>
        <source>choose the first and last month of the custom range</source>
        <translation>请选择自定义范围的起止月份</translation>
    </message>
    <message>
        <source>Monthly report {first}..{last} ({scope})</source>
        <translation>月度报表 {first}..{last}（{scope}）</translation>
    </message>
    <message>
        <source>Monthly report ({scope}): no paid sales yet</source>
        <translation>月度报表（{scope}）：还没有已支付的销售</translation>
    </message>
    <message>
        <source>all platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
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
        <translation>成交金额</translation>
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
        <source>the target must be a whole amount in fen, not {value}</source>
        <translation>目标必须是以分为单位的整数金额，不能是 {value}</translation>
    </message>
    <message>
        <source>the target cannot be negative ({value} fen)</source>
        <translation>目标不能为负数（{value} 分）</translation>
    </message>
    <message>
        <source>the target must be above zero; clear it instead</source>
        <translation>目标必须大于零；不需要目标时请清除</translation>
    </message>
    <message>
        <source>the target of {value} fen is too large</source>
        <translation>目标 {value} 分过大</translation>
    </message>
    <message>
        <source>unknown platform for a target: {platform}</source>
        <translation>目标的平台未知：{platform}</translation>
    </message>
    <message>
        <source>a target needs a month (YYYY-MM), not {value}</source>
        <translation>目标需要月份（YYYY-MM），不能是 {value}</translation>
    </message>
    <message>
        <source>wrote the report {period} ({count} sale lines) to {target}</source>
        <translation>已将 {period} 报告（{count} 条销售明细）写入 {target}</translation>
    </message>
    <message>
        <source>wrote the report {period} to {target}</source>
        <translation>已将 {period} 报告写入 {target}</translation>
    </message>
    <message>
        <source>wrote the card of {what} ({width}×{height}) to {target}</source>
        <translation>已将 {what} 的战报（{width}×{height}）写入 {target}</translation>
    </message>
    <message>
        <source>Give the livestream a title.</source>
        <translation>请填写直播标题。</translation>
    </message>
    <message>
        <source>Choose the platform of the livestream.</source>
        <translation>请选择直播平台。</translation>
    </message>
    <message>
        <source>Choose when the livestream starts.</source>
        <translation>请选择开播时间。</translation>
    </message>
    <message>
        <source>The livestream must end after it starts (planned length {minutes} minutes).</source>
        <translation>直播的结束时间必须晚于开始时间（计划时长 {minutes} 分钟）。</translation>
    </message>
    <message>
        <source>A livestream of {minutes} minutes is too long; at most {limit} minutes.</source>
        <translation>直播时长 {minutes} 分钟太长了，最多 {limit} 分钟。</translation>
    </message>
    <message>
        <source>{start} has already passed: a planned livestream must start in the future.</source>
        <translation>{start} 已经过去了：计划中的直播必须安排在将来。</translation>
    </message>
    <message>
        <source>The live room (account) no longer exists; choose another.</source>
        <translation>该直播间已不存在，请另选一个。</translation>
    </message>
    <message>
        <source>The live room “{name}” is on another platform; choose one on this livestream&apos;s platform.</source>
        <translation>直播间“{name}”属于其他平台，请选择本场直播所在平台的直播间。</translation>
    </message>
    <message>
        <source>The live room “{name}” is retired; choose another or bring it back first.</source>
        <translation>直播间“{name}”已停用，请另选一个，或先恢复启用。</translation>
    </message>
    <message>
        <source>The host no longer exists; choose another.</source>
        <translation>该主播已不存在，请另选一位。</translation>
    </message>
    <message>
        <source>The host “{name}” is retired; choose another or bring them back first.</source>
        <translation>主播“{name}”已停用，请另选一位，或先恢复启用。</translation>
    </message>
    <message>
        <source>The host {name} is already on “{title}” at {start}–{end}.</source>
        <translation>主播 {name} 在 {start}–{end} 已安排了“{title}”。</translation>
    </message>
    <message>
        <source>The live room {name} is already used by “{title}” at {start}–{end}.</source>
        <translation>直播间 {name} 在 {start}–{end} 已被“{title}”占用。</translation>
    </message>
    <message>
        <source>Livestream {id} does not exist (it may have been deleted meanwhile).</source>
        <translation>直播场次 {id} 不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>That recurring series no longer exists.</source>
        <translation>该周期直播系列已不存在。</translation>
    </message>
    <message>
        <source>Choose at least one weekday for the series.</source>
        <translation>请为周期直播至少选择一个星期几。</translation>
    </message>
    <message>
        <source>Say when the series ends: a last date or a number of livestreams.</source>
        <translation>请设置周期直播何时结束：截止日期或场次数。</translation>
    </message>
    <message>
        <source>The series&apos; last date {until} is before its first date {first}.</source>
        <translation>周期直播的截止日期 {until} 早于开始日期 {first}。</translation>
    </message>
    <message>
        <source>The series would make {count} livestreams; at most {limit} at a time.</source>
        <translation>该周期会生成 {count} 场直播，一次最多 {limit} 场。</translation>
    </message>
    <message>
        <source>No livestream of the series falls between {first} and {until}.</source>
        <translation>{first} 到 {until} 之间没有符合该周期的直播。</translation>
    </message>
    <message>
        <source>The series has no planned livestreams left in the future to change.</source>
        <translation>该系列已没有将来的计划场次可修改。</translation>
    </message>
    <message>
        <source>A livestream that is {status} cannot be {action}.</source>
        <translation>{status}的直播不能{action}。</translation>
    </message>
    <message>
        <source>Only a planned livestream can be moved; this one is {status}.</source>
        <translation>只有计划中的直播可以调整时间；这场直播{status}。</translation>
    </message>
    <message>
        <source>Figures can be recorded once the livestream has started; this one is {status}.</source>
        <translation>直播开始后才能录入复盘数据；这场直播{status}。</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>started</source>
        <translation>开播</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>planned again</source>
        <translation>恢复为计划</translation>
    </message>
    <message>
        <source>{field}: “{value}” is not a whole number.</source>
        <translation>{field}：“{value}”不是整数。</translation>
    </message>
    <message>
        <source>{field} cannot be negative.</source>
        <translation>{field}不能为负数。</translation>
    </message>
    <message>
        <source>{field} is too large.</source>
        <translation>{field}太大了。</translation>
    </message>
    <message>
        <source>{field}: “{value}” is not an amount of money.</source>
        <translation>{field}：“{value}”不是有效的金额。</translation>
    </message>
    <message>
        <source>Peak online ({peak}) cannot be more than the viewers ({viewers}).</source>
        <translation>最高在线（{peak}）不能超过观看人数（{viewers}）。</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>观看人数</translation>
    </message>
    <message>
        <source>Peak online</source>
        <translation>最高在线</translation>
    </message>
    <message>
        <source>New followers</source>
        <translation>新增粉丝</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>点赞数</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>Ad spend</source>
        <translation>投流</translation>
    </message>
    <message>
        <source>Other costs</source>
        <translation>其他费用</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Allotted stock</source>
        <translation>分配库存</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>There is already a live room “{name}” on this platform.</source>
        <translation>该平台已有名为“{name}”的直播间。</translation>
    </message>
    <message>
        <source>There is already a host “{name}”.</source>
        <translation>已有名为“{name}”的主播。</translation>
    </message>
    <message>
        <source>That live room no longer exists.</source>
        <translation>该直播间已不存在。</translation>
    </message>
    <message>
        <source>That host no longer exists.</source>
        <translation>该主播已不存在。</translation>
    </message>
    <message>
        <source>That product is no longer in the lineup (refresh the lineup).</source>
        <translation>该商品已不在排品中（请刷新排品）。</translation>
    </message>
    <message>
        <source>Product {id} does not exist.</source>
        <translation>商品 {id} 不存在。</translation>
    </message>
    <message>
        <source>Choose another livestream to copy the lineup from.</source>
        <translation>请选择另一场直播来复制排品。</translation>
    </message>
    <message>
        <source>{count} livestreams written to {target}</source>
        <translation>已将 {count} 场直播写入 {target}</translation>
    </message>
    <message>
        <source>{count} planned livestreams written to {target}, each with an alarm {minutes} minutes before</source>
        <translation>已将 {count} 场计划直播写入 {target}，每场提前 {minutes} 分钟提醒</translation>
    </message>
    <message>
        <source>The run sheet of “{title}” ({count} products) was written to {target}</source>
        <translation>“{title}”的直播流程单（{count} 个商品）已写入 {target}</translation>
    </message>
    <message>
        <source>Cannot write {path}: the file name must end in {suffix}.</source>
        <translation>无法写入 {path}：文件名必须以 {suffix} 结尾。</translation>
    </message>
    <message>
        <source>{file} starts as UTF-8 but has invalid bytes at position {position}</source>
        <translation>{file} 开头是 UTF-8，但在第 {position} 个字节处有无效内容</translation>
    </message>
    <message>
        <source>{file} is damaged UTF-16 text</source>
        <translation>{file} 是损坏的 UTF-16 文本</translation>
    </message>
    <message>
        <source>{file} is not a CSV or Excel file (it holds binary data)</source>
        <translation>{file} 不是 CSV 或 Excel 文件（里面是二进制数据）</translation>
    </message>
    <message>
        <source>{file} is in an unknown text encoding (not UTF-8 or GB18030/GBK); save it again as CSV UTF-8 or .xlsx</source>
        <translation>{file} 的文字编码无法识别（不是 UTF-8 或 GB18030/GBK）；请在 Excel 里另存为“CSV UTF-8”或 .xlsx 后再导入</translation>
    </message>
    <message>
        <source>{file} is not a well-formed CSV file: {reason}</source>
        <translation>{file} 不是格式正确的 CSV 文件：{reason}</translation>
    </message>
    <message>
        <source>cannot read {file}: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>cannot read {file}: a damaged or unsupported Excel file ({reason})</source>
        <translation>无法读取 {file}：Excel 文件已损坏或格式不支持（{reason}）</translation>
    </message>
    <message>
        <source>{file}: sheet {sheet} has a value in cell {cell}, far away from its {cells} filled cells; delete the stray cells below and to the right of the data (or copy the data into a new workbook) and try again</source>
        <translation>{file}：工作表 {sheet} 的单元格 {cell} 有内容，远离表中其余 {cells} 个有内容的单元格；请删除数据下方和右侧多余的单元格（或把数据复制到新工作簿）后再试</translation>
    </message>
    <message>
        <source>{file}: sheet {sheet} refers to cell {cell}, beyond the last cell of an Excel sheet (XFD1048576); the file is damaged</source>
        <translation>{file}：工作表 {sheet} 引用了单元格 {cell}，超出 Excel 工作表的最后一个单元格（XFD1048576）；文件已损坏</translation>
    </message>
    <message>
        <source>{file} unpacks to {megabytes} MB, far more than a workbook of its size holds; the file is damaged and was not read</source>
        <translation>{file} 解压后有 {megabytes} MB，远超同样大小的工作簿应有的内容；文件已损坏，未读取</translation>
    </message>
    <message>
        <source>{file} is a web page saved with an Excel name; open it in Excel and save it as .xlsx</source>
        <translation>{file} 是以 Excel 名称保存的网页；请用 Excel 打开后另存为 .xlsx</translation>
    </message>
    <message>
        <source>{file} is not an Excel file (damaged, or in another format)</source>
        <translation>{file} 不是 Excel 文件（文件损坏或是其他格式）</translation>
    </message>
    <message>
        <source>{file} is not a CSV or Excel file (.csv, .xlsx or .xls)</source>
        <translation>{file} 不是 CSV 或 Excel 文件（.csv、.xlsx 或 .xls）</translation>
    </message>
    <message>
        <source>{file} is empty</source>
        <translation>{file} 是空文件</translation>
    </message>
    <message>
        <source>{file}: no header row with the column {columns} in the first {rows} rows of the file</source>
        <translation>{file}：前 {rows} 行里没有找到含“{columns}”列的表头</translation>
    </message>
    <message>
        <source>{file}: no header row with the column {columns} in the first {rows} rows of any sheet</source>
        <translation>{file}：所有工作表的前 {rows} 行里都没有找到含“{columns}”列的表头</translation>
    </message>
    <message>
        <source>cannot write {path}: the file is open in another program (Excel?) or the folder is read-only</source>
        <translation>无法写入 {path}：文件正在被其他程序（Excel？）打开，或文件夹是只读的</translation>
    </message>
    <message>
        <source>{file}: choose a file name ending in .xlsx or .csv</source>
        <translation>{file}：文件名请以 .xlsx 或 .csv 结尾</translation>
    </message>
    <message>
        <source>cannot write {path}: the folder {folder} does not exist</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>months must be between 1 and {maximum}, not {value}</source>
        <translation>月数必须在 1 到 {maximum} 之间，不能是 {value}</translation>
    </message>
    <message>
        <source>the number of sale lines must be between 0 and {maximum}, not {value}</source>
        <translation>销售明细条数必须在 0 到 {maximum} 之间，不能是 {value}</translation>
    </message>
    <message>
        <source>demo data goes into an empty database; this one already has {products} products and {sales} sales</source>
        <translation>演示数据只能写入空数据库；这个数据库已有 {products} 个商品和 {sales} 条销售</translation>
    </message>
    <message>
        <source>demo data generation was cancelled; nothing was written</source>
        <translation>已取消生成演示数据；没有写入任何内容</translation>
    </message>
    <message>
        <source>removed the demo data from {path}: {sale_lines} sale lines, {products} products, {livestreams} livestreams; your own products and sales are untouched</source>
        <translation>已从 {path} 清除演示数据：{sale_lines} 条销售明细，{products} 个商品，{livestreams} 场直播；您自己的商品和销售没有改动</translation>
    </message>
    <message>
        <source>kept {products} demo products and {livestreams} demo livestreams that your own sales use; they are yours now</source>
        <translation>保留了您自己的销售用到的 {products} 个演示商品和 {livestreams} 场演示直播，它们现在算作您的数据</translation>
    </message>
    <message>
        <source>there is no demo data in {path}; nothing was changed</source>
        <translation>{path} 中没有演示数据，未做任何改动</translation>
    </message>
    <message>
        <source>--remove takes no {option}: it removes the demo data, it does not make any</source>
        <translation>--remove 不能与 {option} 同用：它只清除演示数据，不生成</translation>
    </message>
    <message>
        <source>schema</source>
        <translation>结构</translation>
    </message>
    <message>
        <source>integrity</source>
        <translation>完整性</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>product codes</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>every seller code belongs to one product</source>
        <translation>每个商家编码只属于一个商品</translation>
    </message>
    <message>
        <source>{count} product(s) share a seller code with another product</source>
        <translation>{count} 个商品与其他商品的商家编码相同</translation>
    </message>
    <message>
        <source>{product}: seller code {sku} is the code of {other} (letter case or width aside); give it a code of its own (it is marked needs review)</source>
        <translation>{product}：商家编码 {sku} 与 {other} 相同（不计大小写和全角半角）；请给它改一个自己的编码（已标为待核对）</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>PROBLEM</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>checking {path}</source>
        <translation>正在检查 {path}</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>数据库正常</translation>
    </message>
    <message>
        <source>{count} problem(s) found</source>
        <translation>发现 {count} 个问题</translation>
    </message>
    <message>
        <source>version {revision} (current)</source>
        <translation>版本 {revision}（当前）</translation>
    </message>
    <message>
        <source>no livestream_desk schema</source>
        <translation>没有本软件的数据结构</translation>
    </message>
    <message>
        <source>the database has no livestream_desk tables</source>
        <translation>数据库里没有本软件的表</translation>
    </message>
    <message>
        <source>version {revision}, older than this app&apos;s {head}; it is upgraded (after a backup) when the app next opens it</source>
        <translation>版本 {revision}，比本软件的 {head} 旧；下次打开时会先备份再升级</translation>
    </message>
    <message>
        <source>version {revision} is newer than this app knows ({head}); update the app</source>
        <translation>版本 {revision} 比本软件知道的（{head}）更新；请更新软件</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <source>SQLite cannot read the file: {reason}; restore a backup (livestream-desk restore FILE)</source>
        <translation>SQLite 无法读取文件：{reason}；请恢复一份备份（livestream-desk restore 文件）</translation>
    </message>
    <message>
        <source>left to the database server</source>
        <translation>由数据库服务器负责</translation>
    </message>
    <message>
        <source>{count} problem(s)</source>
        <translation>{count} 个问题</translation>
    </message>
    <message>
        <source>SQLite integrity and foreign keys</source>
        <translation>SQLite 完整性与外键</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>SQLite cannot read the sales: {reason}</source>
        <translation>SQLite 无法读取销售数据：{reason}</translation>
    </message>
    <message>
        <source>{count} month/platform total(s) differ from the sale lines</source>
        <translation>{count} 个月份/平台的汇总与销售明细不符</translation>
    </message>
    <message>
        <source>monthly totals equal the sale lines ({months} months)</source>
        <translation>月度汇总与销售明细一致（{months} 个月）</translation>
    </message>
    <message>
        <source>{products} products, {livestreams} livestreams, {sale_lines} sale lines, {import_batches} import batches</source>
        <translation>{products} 个商品，{livestreams} 场直播，{sale_lines} 条销售明细，{import_batches} 个导入批次</translation>
    </message>
    <message>
        <source>summary for {month} {platform} is {kept}, lines say {raw}</source>
        <translation>{month} {platform} 的汇总是 {kept}，明细合计是 {raw}</translation>
    </message>
    <message>
        <source>{table} row {key} is {kept}, lines say {raw}</source>
        <translation>{table} 表的 {key} 行为 {kept}，销售明细为 {raw}</translation>
    </message>
    <message>
        <source>the quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>the unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>the paid amount</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>the refund amount</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>the refunded quantity</source>
        <translation>退款数量</translation>
    </message>
    <message>
        <source>The sale was not saved: {problems}</source>
        <translation>销售记录未保存：{problems}</translation>
    </message>
    <message>
        <source>choose the product sold</source>
        <translation>请选择售出的商品</translation>
    </message>
    <message>
        <source>the product was deleted meanwhile; choose another</source>
        <translation>该商品已被删除，请另选一个</translation>
    </message>
    <message>
        <source>the quantity must be at least 1</source>
        <translation>数量至少为 1</translation>
    </message>
    <message>
        <source>the quantity is too large (at most {limit})</source>
        <translation>数量过大（最多 {limit}）</translation>
    </message>
    <message>
        <source>“{value}” is not a date and time (write it as 2026-09-10 08:00)</source>
        <translation>“{value}”不是日期时间（请写成 2026-09-10 08:00）</translation>
    </message>
    <message>
        <source>the paid time is required</source>
        <translation>请填写支付时间</translation>
    </message>
    <message>
        <source>the paid time {value} is in the future</source>
        <translation>支付时间 {value} 在将来</translation>
    </message>
    <message>
        <source>the order number is too long (at most {limit} characters)</source>
        <translation>订单号过长（最多 {limit} 个字符）</translation>
    </message>
    <message>
        <source>the livestream was deleted meanwhile; choose another</source>
        <translation>该直播场次已被删除，请另选一个</translation>
    </message>
    <message>
        <source>the platform must be the livestream&apos;s own platform</source>
        <translation>平台必须与直播场次的平台一致</translation>
    </message>
    <message>
        <source>only {stock} left in stock, not enough for {quantity}; correct the stock on the Catalogue page first</source>
        <translation>库存只剩 {stock}，不够 {quantity}；请先在商品页更正库存</translation>
    </message>
    <message>
        <source>Not enough stock for this change; correct the stock on the Catalogue page first.</source>
        <translation>库存不足，无法修改；请先在商品页更正库存。</translation>
    </message>
    <message>
        <source>A line with the same platform, order number and line number already exists.</source>
        <translation>已有相同平台、订单号和子订单号的记录。</translation>
    </message>
    <message>
        <source>the quantity cannot be less than the {refunded} units already refunded</source>
        <translation>数量不能少于已退款的 {refunded} 件</translation>
    </message>
    <message>
        <source>the paid amount cannot be less than the ¥{refunded} already refunded</source>
        <translation>实付金额不能少于已退款的 ¥{refunded}</translation>
    </message>
    <message>
        <source>this line was never paid, so it cannot be refunded</source>
        <translation>这条记录未支付，不能退款</translation>
    </message>
    <message>
        <source>the refund cannot be more than the ¥{paid} paid</source>
        <translation>退款不能超过实付的 ¥{paid}</translation>
    </message>
    <message>
        <source>at most {quantity} units can be refunded (the quantity sold)</source>
        <translation>最多可退 {quantity} 件（售出数量）</translation>
    </message>
    <message>
        <source>This product is no longer in the livestream&apos;s lineup; reopen the console.</source>
        <translation>该商品已不在本场排品中，请重新打开快捷录入。</translation>
    </message>
    <message>
        <source>Exported {count} sale lines to {target}.</source>
        <translation>已导出 {count} 条销售记录到 {target}。</translation>
    </message>
    <message>
        <source>Exporting sale lines</source>
        <translation>正在导出销售记录</translation>
    </message>
    <message>
        <source>no font that can show Chinese is installed, so Chinese text appears as boxes. {install} Or start with --lang en for English menus.</source>
        <translation>没有安装能显示中文的字体，所以中文显示为方框。{install} 也可以用 --lang en 启动，使用英文菜单。</translation>
    </message>
    <message>
        <source>Install one and start again: sudo apt install fonts-noto-cjk (Debian, Ubuntu; on Fedora: sudo dnf install google-noto-sans-cjk-fonts).</source>
        <translation>请安装一个后重新启动：sudo apt install fonts-noto-cjk（Debian、Ubuntu；Fedora 上：sudo dnf install google-noto-sans-cjk-fonts）。</translation>
    </message>
    <message>
        <source>Install a Chinese font (for example Noto Sans CJK SC) and start again.</source>
        <translation>请安装一个中文字体（例如 Noto Sans CJK SC）后重新启动。</translation>
    </message>
    <message>
        <source>{what} was changed by {who} at {when} after you opened it; nothing was saved.</source>
        <translation>{what}在您打开之后已被 {who} 于 {when} 修改；本次没有保存。</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>其他人</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>未知时间</translation>
    </message>
    <message>
        <source>The product {name}</source>
        <translation>商品 {name}</translation>
    </message>
    <message>
        <source>The livestream “{title}”</source>
        <translation>直播场次“{title}”</translation>
    </message>
    <message>
        <source>The lineup entry {name}</source>
        <translation>排品 {name}</translation>
    </message>
    <message>
        <source>The sale line {order}</source>
        <translation>销售记录 {order}</translation>
    </message>
    <message>
        <source>The server {host} refused the user name or password (user {user}); check both and try again.</source>
        <translation>服务器 {host} 拒绝了用户名或密码（用户 {user}）；请检查后重试。</translation>
    </message>
    <message>
        <source>There is no database “{database}” on the server {host}; ask whoever runs the server to create it (an empty one), or check its name.</source>
        <translation>服务器 {host} 上不存在数据库“{database}”；请让服务器管理员新建一个空数据库，或检查名称。</translation>
    </message>
    <message>
        <source>Cannot reach the server {host} on port {port}: check the address, the network and that PostgreSQL is running there ({reason}).</source>
        <translation>无法连接服务器 {host} 的端口 {port}：请检查地址、网络，以及服务器上的 PostgreSQL 是否在运行（{reason}）。</translation>
    </message>
    <message>
        <source>Cannot connect to {where}: {reason}</source>
        <translation>无法连接 {where}：{reason}</translation>
    </message>
    <message>
        <source>Fill in the {field}.</source>
        <translation>请填写{field}。</translation>
    </message>
    <message>
        <source>server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>database name</source>
        <translation>数据库名</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>The server database {where} already holds data ({rows} rows): the copy goes only into an empty database, so nothing there is overwritten. Nothing was copied.</source>
        <translation>服务器数据库 {where} 已有数据（{rows} 行）：只能复制到空数据库，以免覆盖其中的数据。本次没有复制。</translation>
    </message>
    <message>
        <source>Only a database file on this PC can be copied to a server; this window already uses a server.</source>
        <translation>只能把本机的数据库文件复制到服务器；当前窗口已在使用服务器。</translation>
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
    <message>
        <source>Net sales (left axis)</source>
        <translation>净成交（左轴）</translation>
    </message>
    <message>
        <source>Growth vs previous month (right axis); gaps where the previous month had no sales</source>
        <translation>环比增长（右轴）；上月无销售的月份不画点</translation>
    </message>
</context>
<context>
    <name>OrderImport</name>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity / column</source>
        <translation>数量 / 列</translation>
    </message>
    <message>
        <source>Paid / value</source>
        <translation>实付 / 值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Refund or status moved on</source>
        <translation>退款或状态有更新</translation>
    </message>
    <message>
        <source>Product in the file</source>
        <translation>文件中的商品</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Seller code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Product: {name}</source>
        <translation>商品：{name}</translation>
    </message>
    <message>
        <source>No product</source>
        <translation>不对应商品</translation>
    </message>
    <message>
        <source>New product (needs review)</source>
        <translation>新建商品（待核对）</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>(undone)</source>
        <translation>（已撤销）</translation>
    </message>
</context>
<context>
    <name>OrderImportDialog</name>
    <message>
        <source>Import an order export</source>
        <translation>导入订单导出文件</translation>
    </message>
    <message>
        <source>An order export of Douyin, Kuaishou, JD or the app&apos;s template</source>
        <translation>抖店、快手小店、京东的订单导出文件，或本软件的订单模板</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Detect the platform</source>
        <translation>自动识别平台</translation>
    </message>
    <message>
        <source>Douyin shop (抖店)</source>
        <translation>抖店</translation>
    </message>
    <message>
        <source>Kuaishou shop (快手小店)</source>
        <translation>快手小店</translation>
    </message>
    <message>
        <source>JD (京东)</source>
        <translation>京东</translation>
    </message>
    <message>
        <source>The app&apos;s order template</source>
        <translation>本软件的订单模板</translation>
    </message>
    <message>
        <source>Search a product of the catalogue</source>
        <translation>搜索商品库中的商品</translation>
    </message>
    <message>
        <source>Map to this product</source>
        <translation>对应到此商品</translation>
    </message>
    <message>
        <source>Create a new product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>Import without a product</source>
        <translation>不对应商品直接导入</translation>
    </message>
    <message>
        <source>No catalogue product matches these products of the file. Map each to a product (remembered for the next imports) or create it.</source>
        <translation>商品库中没有与以下商品匹配的商品。请为每个商品选择对应的商品（以后导入时会记住），或新建商品。</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Unmatched products</source>
        <translation>未匹配的商品</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose an order export</source>
        <translation>选择订单导出文件</translation>
    </message>
    <message>
        <source>Order exports (*.csv *.xlsx *.xls);;All files (*)</source>
        <translation>订单导出文件 (*.csv *.xlsx *.xls);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Cannot read the file</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <source>Detected: {layout}, {rows} rows</source>
        <translation>识别为：{layout}，共 {rows} 行</translation>
    </message>
    <message>
        <source>New: {new} · Duplicate: {duplicate} · Updated: {updated} · Rejected: {rejected} · Unpaid (ignored): {unpaid}</source>
        <translation>新增：{new} · 重复：{duplicate} · 更新：{updated} · 拒绝：{rejected} · 未付款（忽略）：{unpaid}</translation>
    </message>
    <message>
        <source>Unmatched products ({count})</source>
        <translation>未匹配的商品（{count}）</translation>
    </message>
    <message>
        <source>Cannot import the file</source>
        <translation>无法导入文件</translation>
    </message>
    <message>
        <source>Nothing new to import; nothing was changed.</source>
        <translation>没有新的内容可导入，未做任何更改。</translation>
    </message>
    <message>
        <source>Imported as batch #{batch}: {new} new, {updated} updated lines.</source>
        <translation>已导入为批次 #{batch}：新增 {new} 行，更新 {updated} 行。</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>已取消，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>PageOperation</name>
    <message>
        <source>Undone: {action}</source>
        <translation>已撤销：{action}</translation>
    </message>
    <message>
        <source>Redone: {action}</source>
        <translation>已重做：{action}</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <source>Cannot redo</source>
        <translation>无法重做</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>撤销 {action}(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>重做 {action}(&amp;R)</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <source>Live rooms</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Name of a new live room</source>
        <translation>新直播间名称</translation>
    </message>
    <message>
        <source>Name of a new host</source>
        <translation>新主播姓名</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Rename to this</source>
        <translation>改名为此(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;tire</source>
        <translation>停用(&amp;T)</translation>
    </message>
    <message>
        <source>Retired ones stay on old livestreams but are no longer offered for new ones.</source>
        <translation>停用后仍保留在以前的直播上，但新建直播时不再可选。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>&amp;Bring back</source>
        <translation>恢复使用(&amp;B)</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Livestreams</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>What kind of period to report on</source>
        <translation>按哪种周期出报表</translation>
    </message>
    <message>
        <source>The period before</source>
        <translation>上一期</translation>
    </message>
    <message>
        <source>The period after</source>
        <translation>下一期</translation>
    </message>
    <message>
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Q%1</source>
        <translation>第%1季度</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>The last month is before the first month.</source>
        <translation>结束月份早于开始月份。</translation>
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
    <name>PlanTotalsBar</name>
    <message>
        <source>This week: {count} livestreams</source>
        <translation>本周 {count} 场直播</translation>
    </message>
    <message>
        <source>This month: {count} livestreams</source>
        <translation>本月 {count} 场直播</translation>
    </message>
    <message>
        <source>{duration} planned</source>
        <translation>计划时长 {duration}</translation>
    </message>
    <message>
        <source>{count} lineup products</source>
        <translation>排品 {count} 个</translation>
    </message>
    <message>
        <source>planned value {amount}</source>
        <translation>计划货值 {amount}</translation>
    </message>
    <message>
        <source>{count} viewers</source>
        <translation>观看 {count} 人</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>({count} cancelled, not counted)</source>
        <translation>（{count} 场已取消，不计入）</translation>
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
    <name>PlatformBarsChart</name>
    <message>
        <source>Net sales by month and platform (click a month for its livestreams)</source>
        <translation>各月净成交（按平台堆叠；点击月份查看明细）</translation>
    </message>
    <message>
        <source>Net sales: %1</source>
        <translation>净成交：%1</translation>
    </message>
    <message>
        <source>Orders: %1 · livestreams: %2</source>
        <translation>订单 %1 · 直播 %2 场</translation>
    </message>
</context>
<context>
    <name>PlatformCodesEditor</name>
    <message>
        <source>Add code</source>
        <translation>添加编码</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>PlatformCodesModel</name>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Product ID / SKU code</source>
        <translation>平台商品 ID / SKU 编码</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>Edit product — {name}</source>
        <translation>编辑商品 — {name}</translation>
    </message>
    <message>
        <source>e.g. 39.90</source>
        <translation>例如 39.90</translation>
    </message>
    <message>
        <source>e.g. 婺源皇菊</source>
        <translation>例如 婺源皇菊</translation>
    </message>
    <message>
        <source>optional, unique</source>
        <translation>可不填；填写时不能重复</translation>
    </message>
    <message>
        <source>e.g. 50朵/盒</source>
        <translation>例如 50朵/盒</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>Warn when the stock is at or under this number (0: never)</source>
        <translation>库存等于或低于这个数时提醒（0 表示不提醒）</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品信息</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Price (yuan)</source>
        <translation>售价（元）</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本价</translation>
    </message>
    <message>
        <source>Opening stock</source>
        <translation>初始库存</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Low-stock warning at</source>
        <translation>库存预警值</translation>
    </message>
    <message>
        <source>province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>county</source>
        <translation>县/区</translation>
    </message>
    <message>
        <source>town</source>
        <translation>乡/镇</translation>
    </message>
    <message>
        <source>village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>co-operative or farmer</source>
        <translation>合作社或农户</translation>
    </message>
    <message>
        <source>others, e.g. 富硒</source>
        <translation>其他，如 富硒</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Origin and producer</source>
        <translation>产地和生产者</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>产地</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>生产者</translation>
    </message>
    <message>
        <source>Certifications</source>
        <translation>认证</translation>
    </message>
    <message>
        <source>Shelf life (days)</source>
        <translation>保质期（天）</translation>
    </message>
    <message>
        <source>Choose photo…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>移除图片</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>无图片</translation>
    </message>
    <message>
        <source>margin on list price {pct}%</source>
        <translation>毛利率（按售价）{pct}%</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Seller code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <source>Change the stock with Stock… on the product list, with a reason</source>
        <translation>库存请在商品列表里点“库存…”修改，并写明原因</translation>
    </message>
    <message>
        <source>Platform codes</source>
        <translation>平台编码</translation>
    </message>
    <message>
        <source>Talking points, storage, anything the team should know</source>
        <translation>卖点、储存方法等团队需要知道的事</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Needs review (made by an import)</source>
        <translation>待核对（由导入自动创建）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Choose a photo of the product</source>
        <translation>选择商品图片</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.webp *.bmp *.gif)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp *.bmp *.gif)</translation>
    </message>
    <message>
        <source>Photo missing</source>
        <translation>图片文件丢失</translation>
    </message>
</context>
<context>
    <name>ProductImporter</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>正在导入 {file}…</translation>
    </message>
    <message>
        <source>Cannot import this file</source>
        <translation>无法导入这个文件</translation>
    </message>
</context>
<context>
    <name>ProductResultsModel</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>产地</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>生产者</translation>
    </message>
    <message>
        <source>Certifications</source>
        <translation>认证</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Highlighted when at or under the product&apos;s low-stock threshold</source>
        <translation>库存等于或低于预警值时标出</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已下架</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>待核对</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>{name} — seller code {sku}</source>
        <translation>{name} — 商家编码 {sku}</translation>
    </message>
    <message>
        <source>Low stock: {stock} left, warning at {threshold} or fewer</source>
        <translation>库存不足：只剩 {stock}，预警值为 {threshold}</translation>
    </message>
    <message>
        <source>Margin (on list price)</source>
        <translation>毛利率（按售价）</translation>
    </message>
    <message>
        <source>Gross margin on the list price: (list price − cost) ÷ list price</source>
        <translation>按售价计算的毛利率：（售价 − 成本）÷ 售价</translation>
    </message>
    <message>
        <source>Created by an import; check its details</source>
        <translation>由导入自动创建，请核对信息</translation>
    </message>
</context>
<context>
    <name>ReadOnlyNotice</name>
    <message>
        <source>the database was opened read-only</source>
        <translation>数据库以只读方式打开</translation>
    </message>
    <message>
        <source>Read-only: {reason}. Everything can be looked at, exported and backed up; nothing can be changed. To edit, copy the file to a folder you can write to and open the copy.</source>
        <translation>只读：{reason}。可以查看、导出和备份，但不能修改。要编辑，请把文件复制到可写的文件夹并打开副本。</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>{product} × {quantity}, paid {paid} on {when}
Order {order}</source>
        <translation>{product} × {quantity}，{when} 实付 {paid}
订单 {order}</translation>
    </message>
    <message>
        <source>Full refund</source>
        <translation>全额退款</translation>
    </message>
    <message>
        <source>No refund</source>
        <translation>取消退款</translation>
    </message>
    <message>
        <source>Take the refund off this line</source>
        <translation>去掉这条记录的退款</translation>
    </message>
    <message>
        <source>Refund amount (¥)</source>
        <translation>退款金额（元）</translation>
    </message>
    <message>
        <source>Refunded units</source>
        <translation>退款件数</translation>
    </message>
    <message>
        <source>Save Refund</source>
        <translation>保存退款</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Livestream in {minutes} min: {title}</source>
        <translation>{minutes} 分钟后开播：{title}</translation>
    </message>
    <message>
        <source>host {name}</source>
        <translation>主播 {name}</translation>
    </message>
    <message>
        <source>{count} products in the lineup</source>
        <translation>排品 {count} 个</translation>
    </message>
    <message>
        <source>Livestream Desk: livestream reminders</source>
        <translation>直播助手：开播提醒</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>显示窗口</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>Sales report {period}</source>
        <translation>销售报告 {period}</translation>
    </message>
    <message>
        <source>{first} to {last} · made {moment}</source>
        <translation>{first} 至 {last} · 生成于 {moment}</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Previous ({period})</source>
        <translation>上期（{period}）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>A year ago ({period})</source>
        <translation>去年同期（{period}）</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>净成交</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款金额</translation>
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
        <source>Livestreams</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>观看人数</translation>
    </message>
    <message>
        <source>Ad spend</source>
        <translation>投流</translation>
    </message>
    <message>
        <source>GPM</source>
        <translation>GPM</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Target reached</source>
        <translation>目标完成率</translation>
    </message>
    <message>
        <source>Monthly net sales by platform</source>
        <translation>各月净成交（按平台）</translation>
    </message>
    <message>
        <source>Cumulative net sales: {year} against {last_year}</source>
        <translation>累计净成交：{year} 年对比 {last_year} 年</translation>
    </message>
    <message>
        <source>By platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>品类</translation>
    </message>
    <message>
        <source>Top products</source>
        <translation>热销商品</translation>
    </message>
    <message>
        <source>By origin</source>
        <translation>产地</translation>
    </message>
    <message>
        <source>Producers (farmers helped)</source>
        <translation>生产者（助农）</translation>
    </message>
    <message>
        <source>By host</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Livestream ranking</source>
        <translation>直播场次排行</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>产地</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>生产者</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Livestream</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>No sales in this period.</source>
        <translation>本期没有成交。</translation>
    </message>
    <message>
        <source>{count} more livestreams in the workbook</source>
        <translation>另有 {count} 场直播见 Excel 报告</translation>
    </message>
    <message>
        <source>Sales report</source>
        <translation>销售报告</translation>
    </message>
</context>
<context>
    <name>ReportTables</name>
    <message>
        <source>Others</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>净成交</translation>
    </message>
    <message>
        <source>GMV minus refunds</source>
        <translation>成交金额减退款</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交金额(GMV)</translation>
    </message>
    <message>
        <source>Everything paid, before refunds</source>
        <translation>全部实付金额（未扣退款）</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Livestreams</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <source>MoM growth</source>
        <translation>环比增长</translation>
    </message>
    <message>
        <source>Net sales compared with the month before</source>
        <translation>净成交与上月相比</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Target reached</source>
        <translation>目标完成</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Share of the period&apos;s net sales</source>
        <translation>占本期净成交的比例</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>（未分类）</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品数</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>(no product linked)</source>
        <translation>（未关联商品）</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县</translation>
    </message>
    <message>
        <source>(no origin)</source>
        <translation>（无产地）</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>生产者</translation>
    </message>
    <message>
        <source>(no producer)</source>
        <translation>（无生产者）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Net sales of the producer&apos;s products</source>
        <translation>该生产者商品的净成交</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>(no host)</source>
        <translation>（无主播）</translation>
    </message>
    <message>
        <source>GPM</source>
        <translation>千次观看成交(GPM)</translation>
    </message>
    <message>
        <source>GMV per 1,000 viewers</source>
        <translation>每千次观看的成交金额</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>投产比(ROI)</translation>
    </message>
    <message>
        <source>GMV ÷ ad spend</source>
        <translation>成交金额 ÷ 投流花费</translation>
    </message>
    <message>
        <source>Share of the net sales of the period&apos;s livestreams</source>
        <translation>占本期直播净成交的比例</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开播时间</translation>
    </message>
    <message>
        <source>Livestream</source>
        <translation>直播场次名称</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>观看人数</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Set &amp;targets…</source>
        <translation>设置目标(&amp;T)…</translation>
    </message>
    <message>
        <source>Net sales targets per month (and platform)</source>
        <translation>每月（及各平台）的净成交目标</translation>
    </message>
    <message>
        <source>A phone-sized picture of the month&apos;s results to share</source>
        <translation>生成本月成绩的手机尺寸图片，便于分享</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>The period&apos;s report as an Excel workbook</source>
        <translation>将本期报表导出为 Excel 工作簿</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>The period&apos;s report as an A4 PDF</source>
        <translation>将本期报表导出为 A4 PDF</translation>
    </message>
    <message>
        <source>Export this &amp;table (CSV / Excel)…</source>
        <translation>导出当前表格（CSV / Excel）(&amp;T)…</translation>
    </message>
    <message>
        <source>The table on screen, with its headers and total row</source>
        <translation>导出屏幕上的表格，含表头和合计行</translation>
    </message>
    <message>
        <source>&amp;Copy charts</source>
        <translation>复制图表(&amp;C)</translation>
    </message>
    <message>
        <source>Save charts as &amp;PNG…</source>
        <translation>保存图表为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>品类</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Origins</source>
        <translation>产地</translation>
    </message>
    <message>
        <source>Monthly results card…</source>
        <translation>生成战报…</translation>
    </message>
    <message>
        <source>Producers (farm support)</source>
        <translation>生产者（助农）</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Livestream ranking</source>
        <translation>直播排行</translation>
    </message>
    <message>
        <source>No sales recorded yet. The Dashboard page can load demo data to try the app.</source>
        <translation>还没有销售记录。可在“概览”页加载演示数据试用。</translation>
    </message>
    <message>
        <source>The report could not be loaded.</source>
        <translation>无法加载报表。</translation>
    </message>
    <message>
        <source>Could not load the report</source>
        <translation>无法加载报表</translation>
    </message>
    <message>
        <source>%1 · compared with the previous period (%2) and the same period last year (%3)</source>
        <translation>%1 · 对比上期（%2）和去年同期（%3）</translation>
    </message>
    <message>
        <source>This row has no single key to show details of.</source>
        <translation>这一行是汇总行，没有单独的明细。</translation>
    </message>
    <message>
        <source>Targets saved</source>
        <translation>目标已保存</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the report…</source>
        <translation>正在导出报表…</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>报表已保存到 %1</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Pick a table tab to export.</source>
        <translation>请先选择一个表格页再导出。</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Table saved to %1</source>
        <translation>表格已保存到 %1</translation>
    </message>
    <message>
        <source>Charts copied</source>
        <translation>图表已复制</translation>
    </message>
    <message>
        <source>Save the charts</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Charts saved to %1</source>
        <translation>图表已保存到 %1</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review: {title}</source>
        <translation>复盘：{title}</translation>
    </message>
    <message>
        <source>&amp;Viewers</source>
        <translation>观看人数(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Peak online</source>
        <translation>最高在线(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;New followers</source>
        <translation>新增粉丝(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Likes</source>
        <translation>点赞(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Duration (minutes)</source>
        <translation>时长（分钟）(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Ad spend (¥)</source>
        <translation>投流（元）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Other costs (¥)</source>
        <translation>其他费用（元）(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RunSheet</name>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Live room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Allotted</source>
        <translation>配货</translation>
    </message>
    <message>
        <source>Talking points</source>
        <translation>卖点</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>No products in the lineup yet.</source>
        <translation>还没有排品。</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{count} products · planned value {value}</source>
        <translation>共 {count} 个商品 · 计划货值 {value}</translation>
    </message>
    <message>
        <source>Printed {moment}</source>
        <translation>打印于 {moment}</translation>
    </message>
    <message>
        <source>Run sheet</source>
        <translation>直播流程单</translation>
    </message>
    <message>
        <source>Run sheet: {title}</source>
        <translation>直播流程单：{title}</translation>
    </message>
</context>
<context>
    <name>SaleEntryDialog</name>
    <message>
        <source>Edit Sale</source>
        <translation>修改销售</translation>
    </message>
    <message>
        <source>New Sale</source>
        <translation>新增销售</translation>
    </message>
    <message>
        <source>Type to find a product</source>
        <translation>输入以查找商品</translation>
    </message>
    <message>
        <source>e.g. 29.90</source>
        <translation>例如 29.90</translation>
    </message>
    <message>
        <source>empty = unit price × quantity</source>
        <translation>留空 = 单价 × 数量</translation>
    </message>
    <message>
        <source>empty = a new number is made</source>
        <translation>留空 = 自动生成订单号</translation>
    </message>
    <message>
        <source>No livestream</source>
        <translation>非直播销售</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price (¥)</source>
        <translation>单价（元）</translation>
    </message>
    <message>
        <source>Paid amount (¥)</source>
        <translation>实付金额（元）</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Livestream</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SalesFilterBar</name>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>近3个月</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近12个月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>按日期…</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>All livestreams</source>
        <translation>全部直播场次</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <source>Refunded or not</source>
        <translation>全部退款状态</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>有退款</translation>
    </message>
    <message>
        <source>Not refunded</source>
        <translation>无退款</translation>
    </message>
    <message>
        <source>Order number…</source>
        <translation>订单号…</translation>
    </message>
    <message>
        <source>No livestream</source>
        <translation>非直播销售</translation>
    </message>
</context>
<context>
    <name>SalesFormat</name>
    <message>
        <source>not paid</source>
        <translation>未支付</translation>
    </message>
</context>
<context>
    <name>SalesPage</name>
    <message>
        <source>Cannot show the sales</source>
        <translation>无法显示销售记录</translation>
    </message>
    <message>
        <source>Import &amp;Orders…</source>
        <translation>导入订单(&amp;O)…</translation>
    </message>
    <message>
        <source>Bring in a 抖店, 快手小店 or 京东 order export</source>
        <translation>导入抖店、快手小店或京东的订单导出文件</translation>
    </message>
    <message>
        <source>Order Import &amp;History…</source>
        <translation>订单导入记录(&amp;H)…</translation>
    </message>
    <message>
        <source>See each import and undo a whole batch</source>
        <translation>查看每一次导入，可以整批撤销</translation>
    </message>
    <message>
        <source>E&amp;xport Sales…</source>
        <translation>导出销售记录(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the sale lines of the current filter to Excel or CSV</source>
        <translation>把当前筛选的销售记录保存为 Excel 或 CSV</translation>
    </message>
    <message>
        <source>&amp;New Sale…</source>
        <translation>新增销售(&amp;N)…</translation>
    </message>
    <message>
        <source>Enter a sale by hand</source>
        <translation>手工录入一笔销售</translation>
    </message>
    <message>
        <source>&amp;Edit Sale…</source>
        <translation>修改销售(&amp;E)…</translation>
    </message>
    <message>
        <source>Change the selected sale line</source>
        <translation>修改选中的销售记录</translation>
    </message>
    <message>
        <source>&amp;Refund…</source>
        <translation>退款(&amp;R)…</translation>
    </message>
    <message>
        <source>Mark the selected line refunded, fully or partly</source>
        <translation>把选中的记录标记为全部或部分退款</translation>
    </message>
    <message>
        <source>&amp;Delete Sales</source>
        <translation>删除销售记录(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected sale lines (can be undone)</source>
        <translation>删除选中的销售记录（可撤销）</translation>
    </message>
    <message>
        <source>&amp;Livestream Sales…</source>
        <translation>直播场次销售(&amp;L)…</translation>
    </message>
    <message>
        <source>Figures, lines and lineup comparison of one livestream</source>
        <translation>一场直播的数据、明细和排品对比</translation>
    </message>
    <message>
        <source>Live &amp;Console…</source>
        <translation>直播快捷录入(&amp;C)…</translation>
    </message>
    <message>
        <source>Log sales during a livestream with one key press each</source>
        <translation>直播中每按一个键记一笔销售</translation>
    </message>
    <message>
        <source>&amp;Find Order</source>
        <translation>查找订单(&amp;F)</translation>
    </message>
    <message>
        <source>Find lines by order number</source>
        <translation>按订单号查找</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>新增销售</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Livestream view</source>
        <translation>直播场次销售</translation>
    </message>
    <message>
        <source>Live console</source>
        <translation>快捷录入</translation>
    </message>
    <message>
        <source>Import orders</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Cannot save the sale</source>
        <translation>无法保存销售记录</translation>
    </message>
    <message>
        <source>Edit sale</source>
        <translation>修改销售</translation>
    </message>
    <message>
        <source>Cannot save the refund</source>
        <translation>无法保存退款</translation>
    </message>
    <message>
        <source>Delete Sales</source>
        <translation>删除销售记录</translation>
    </message>
    <message>
        <source>Delete {count} sale lines? Their units go back into stock. You can undo this with Ctrl+Z.</source>
        <translation>删除 {count} 条销售记录？其件数会退回库存。可用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Delete {count} sale lines</source>
        <translation>删除 {count} 条销售记录</translation>
    </message>
    <message>
        <source>Export Sales</source>
        <translation>导出销售记录</translation>
    </message>
    <message>
        <source>sales-{date}.xlsx</source>
        <translation>销售记录-{date}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting sales…</source>
        <translation>正在导出销售记录…</translation>
    </message>
    <message>
        <source>Cannot export the sales</source>
        <translation>无法导出销售记录</translation>
    </message>
    <message>
        <source>Exported {count} sale lines to {path}</source>
        <translation>已导出 {count} 条销售记录到 {path}</translation>
    </message>
</context>
<context>
    <name>SalesTableModel</name>
    <message>
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Livestream</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Refunded {amount} for {units} units</source>
        <translation>已退款 {amount}，{units} 件</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>直播中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>{year}-{month:02d}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>{month}/{day} {weekday}</source>
        <translation>{month}月{day}日 {weekday}</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分钟</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>Time: {start}–{end}</source>
        <translation>时间：{start}–{end}</translation>
    </message>
    <message>
        <source>Platform: {platform}</source>
        <translation>平台：{platform}</translation>
    </message>
    <message>
        <source>Live room: {name}</source>
        <translation>直播间：{name}</translation>
    </message>
    <message>
        <source>Host: {name}</source>
        <translation>主播：{name}</translation>
    </message>
    <message>
        <source>Theme: {theme}</source>
        <translation>主题：{theme}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <source>Lineup: {count} products</source>
        <translation>排品：{count} 个</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>&amp;New Livestream…</source>
        <translation>新建直播(&amp;N)…</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>&amp;Delete Livestream</source>
        <translation>删除直播(&amp;D)</translation>
    </message>
    <message>
        <source>Live &amp;Rooms…</source>
        <translation>直播间(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Hosts…</source>
        <translation>主播(&amp;H)…</translation>
    </message>
    <message>
        <source>Export Calendar for &amp;Phones (.ics)…</source>
        <translation>导出手机日历文件(&amp;P)…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Previous month or week</source>
        <translation>上个月 / 上一周</translation>
    </message>
    <message>
        <source>Next month or week</source>
        <translation>下个月 / 下一周</translation>
    </message>
    <message>
        <source>Filter: title, room, host, theme</source>
        <translation>筛选：标题、直播间、主播、主题</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Remind this many minutes before a planned livestream</source>
        <translation>计划开播前多少分钟提醒</translation>
    </message>
    <message>
        <source>+ New livestream</source>
        <translation>+ 新建直播</translation>
    </message>
    <message>
        <source>Remind</source>
        <translation>提前提醒</translation>
    </message>
    <message>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <source>Cannot load the schedule</source>
        <translation>无法加载直播排期</translation>
    </message>
    <message>
        <source>Plan {title}</source>
        <translation>新建直播 {title}</translation>
    </message>
    <message>
        <source>Plan the series {title}</source>
        <translation>新建系列直播 {title}</translation>
    </message>
    <message>
        <source>Change {title}</source>
        <translation>修改 {title}</translation>
    </message>
    <message>
        <source>Change the series {title}</source>
        <translation>修改系列 {title}</translation>
    </message>
    <message>
        <source>Move {title} to {day}</source>
        <translation>将 {title} 改到 {day}</translation>
    </message>
    <message>
        <source>Go live: {title}</source>
        <translation>开播：{title}</translation>
    </message>
    <message>
        <source>End: {title}</source>
        <translation>下播：{title}</translation>
    </message>
    <message>
        <source>Cancel {title}</source>
        <translation>取消 {title}</translation>
    </message>
    <message>
        <source>Plan {title} again</source>
        <translation>恢复计划 {title}</translation>
    </message>
    <message>
        <source>Cancel a series</source>
        <translation>取消系列直播</translation>
    </message>
    <message>
        <source>Duplicated: the copy is planned a week later.</source>
        <translation>已复制：新的一场安排在一周后。</translation>
    </message>
    <message>
        <source>Duplicate a livestream</source>
        <translation>复制直播</translation>
    </message>
    <message>
        <source>Delete livestream</source>
        <translation>删除直播</translation>
    </message>
    <message>
        <source>Delete “{title}” with its lineup? Its sales stay, without the livestream. You can undo this.</source>
        <translation>删除“{title}”及其排品？它的销售记录会保留，但不再关联这场直播。可以撤销。</translation>
    </message>
    <message>
        <source>Delete {title}</source>
        <translation>删除 {title}</translation>
    </message>
    <message>
        <source>Review figures of {title}</source>
        <translation>复盘数据 {title}</translation>
    </message>
    <message>
        <source>Save run sheet</source>
        <translation>保存直播流程单</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Run sheet saved: {path}</source>
        <translation>流程单已保存：{path}</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
    <message>
        <source>{count} planned livestreams written to {path}</source>
        <translation>已将 {count} 场计划直播写入 {path}</translation>
    </message>
    <message>
        <source>Cannot export the calendar</source>
        <translation>无法导出日历</translation>
    </message>
</context>
<context>
    <name>ServerBox</name>
    <message>
        <source>Several PCs</source>
        <translation>多台电脑共用</translation>
    </message>
    <message>
        <source>The database file on this PC</source>
        <translation>本机的数据库文件</translation>
    </message>
    <message>
        <source>A PostgreSQL server shared by several PCs</source>
        <translation>多台电脑共用的 PostgreSQL 服务器</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.10</source>
        <translation>例如 192.168.1.10</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Use from the next start</source>
        <translation>保存，下次启动时使用</translation>
    </message>
    <message>
        <source>The app opens this database the next time it starts</source>
        <translation>下次启动时打开这个数据库</translation>
    </message>
    <message>
        <source>Copy this PC&apos;s data to the server…</source>
        <translation>复制本机数据到服务器…</translation>
    </message>
    <message>
        <source>Once, into an empty server database; this PC&apos;s file stays as it is</source>
        <translation>只复制一次，到空的服务器数据库；本机文件保持不变</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database name:</source>
        <translation>数据库名：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Connecting to {host}…</source>
        <translation>正在连接 {host}…</translation>
    </message>
    <message>
        <source>Connected (PostgreSQL {version}). The database holds the shop&apos;s data ({rows} rows): use it from the next start.</source>
        <translation>连接成功（PostgreSQL {version}）。数据库中已有店铺数据（{rows} 行）：可保存后在下次启动时使用。</translation>
    </message>
    <message>
        <source>Connected (PostgreSQL {version}). The database is empty: copy this PC&apos;s data into it, or start afresh there.</source>
        <translation>连接成功（PostgreSQL {version}）。数据库是空的：可把本机数据复制过去，或在服务器上从头开始。</translation>
    </message>
    <message>
        <source>Saved: the app opens the database file on this PC from the next start.</source>
        <translation>已保存：下次启动时打开本机的数据库文件。</translation>
    </message>
    <message>
        <source>Saved: the app opens {where} from the next start.</source>
        <translation>已保存：下次启动时打开 {where}。</translation>
    </message>
    <message>
        <source>Copy to the server</source>
        <translation>复制到服务器</translation>
    </message>
    <message>
        <source>Copy all the data of this PC to {where}? The server database must be empty; this PC&apos;s file stays as it is.</source>
        <translation>把本机的全部数据复制到 {where}？服务器数据库必须是空的；本机文件保持不变。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Copying to {where}…</source>
        <translation>正在复制到 {where}…</translation>
    </message>
    <message>
        <source>Copying to {where}: {done} of {total} rows…</source>
        <translation>正在复制到 {where}：{done} / {total} 行…</translation>
    </message>
    <message>
        <source>Copied {rows} rows to {where}. Choose the server and “Use from the next start” to work on it from every PC.</source>
        <translation>已复制 {rows} 行到 {where}。选择服务器并点“保存，下次启动时使用”，各台电脑即可共用。</translation>
    </message>
    <message>
        <source>Copying to the server</source>
        <translation>正在复制到服务器</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was copied.</source>
        <translation>已取消，没有复制任何数据。</translation>
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
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Show the folder of this database file</source>
        <translation>打开这个数据库文件所在的文件夹</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Its folder:</source>
        <translation>所在文件夹：</translation>
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
        <source>file on this PC</source>
        <translation>本机文件</translation>
    </message>
    <message>
        <source>server {host}</source>
        <translation>服务器 {host}</translation>
    </message>
    <message>
        <source>A PostgreSQL server, shared by several PCs</source>
        <translation>PostgreSQL 服务器，多台电脑共用</translation>
    </message>
    <message>
        <source>Database version {number}</source>
        <translation>数据库版本 {number}</translation>
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
    <name>ShareChart</name>
    <message>
        <source>Share of net sales by platform</source>
        <translation>各平台净成交占比</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>A positive number adds stock, a negative one takes it away</source>
        <translation>正数增加库存，负数减少库存</translation>
    </message>
    <message>
        <source>required, e.g. 进货入库</source>
        <translation>必填，例如 进货入库</translation>
    </message>
    <message>
        <source>Record change</source>
        <translation>记录变动</translation>
    </message>
    <message>
        <source>Change the stock</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <source>Add (+) or take away (−)</source>
        <translation>增加 (+) 或减少 (−)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>no warning</source>
        <translation>不提醒</translation>
    </message>
    <message>
        <source>Save threshold</source>
        <translation>保存预警值</translation>
    </message>
    <message>
        <source>Low-stock warning</source>
        <translation>库存预警</translation>
    </message>
    <message>
        <source>Warn at or under</source>
        <translation>库存等于或低于</translation>
    </message>
    <message>
        <source>Stock history</source>
        <translation>库存记录</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Stock — {name}</source>
        <translation>库存 — {name}</translation>
    </message>
    <message>
        <source>Current stock: {stock} {unit}</source>
        <translation>当前库存：{stock} {unit}</translation>
    </message>
    <message>
        <source>(low: warning at {threshold} or fewer)</source>
        <translation>（库存不足：预警值 {threshold}）</translation>
    </message>
    <message>
        <source>Type how many to add (or, with a minus sign, to take away).</source>
        <translation>请填写增加的数量（减少时前面加负号）。</translation>
    </message>
    <message>
        <source>Give a reason for the change; it is kept in the stock history.</source>
        <translation>请填写变动原因，它会记在库存记录里。</translation>
    </message>
</context>
<context>
    <name>StockHistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Stock after</source>
        <translation>变动后库存</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SummaryStrip</name>
    <message>
        <source>Net sales</source>
        <translation>净成交</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交金额</translation>
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
        <source>Livestreams</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标进度</translation>
    </message>
    <message>
        <source>vs previous: %1</source>
        <translation>环比 %1</translation>
    </message>
    <message>
        <source>vs last year: %1</source>
        <translation>同比 %1</translation>
    </message>
    <message>
        <source>no target set</source>
        <translation>未设目标</translation>
    </message>
    <message>
        <source>%1 to go</source>
        <translation>还差 %1</translation>
    </message>
</context>
<context>
    <name>TargetProgressBar</name>
    <message>
        <source>Set targets…</source>
        <translation>设置目标…</translation>
    </message>
    <message>
        <source>%1: no net sales target set</source>
        <translation>%1：未设净成交目标</translation>
    </message>
    <message>
        <source>%1 target: %2 of %3 (%4%)</source>
        <translation>%1 目标：已完成 %2 / %3（%4%）</translation>
    </message>
</context>
<context>
    <name>TargetTableModel</name>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>Net sales targets</source>
        <translation>净成交目标</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>Type amounts in yuan (50000, 5万, ¥50,000.00); empty a cell to clear its target.</source>
        <translation>按元输入金额（50000、5万、¥50,000.00）；清空单元格即取消该目标。</translation>
    </message>
    <message>
        <source>Cannot save the targets</source>
        <translation>无法保存目标</translation>
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
    <name>TotalsBar</name>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{count} lines</source>
        <translation>{count} 条</translation>
    </message>
    <message>
        <source>Orders {count}</source>
        <translation>订单 {count}</translation>
    </message>
    <message>
        <source>Units {count}</source>
        <translation>件数 {count}</translation>
    </message>
    <message>
        <source>GMV {amount}</source>
        <translation>成交金额 {amount}</translation>
    </message>
    <message>
        <source>Refunds {amount}</source>
        <translation>退款 {amount}</translation>
    </message>
    <message>
        <source>Net sales {amount}</source>
        <translation>净成交 {amount}</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes before closing?</source>
        <translation>关闭前保存修改吗？</translation>
    </message>
    <message>
        <source>Discard throws away what you typed.</source>
        <translation>选“放弃”将丢掉刚才填写的内容。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>UpcomingLivestreams</name>
    <message>
        <source>Next livestreams</source>
        <translation>即将开播</translation>
    </message>
    <message>
        <source>No livestreams planned. Plan one on the Schedule page.</source>
        <translation>还没有计划的直播。请在“直播排期”页新建。</translation>
    </message>
</context>
</TS>
