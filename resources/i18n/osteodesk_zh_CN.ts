<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About OsteoDesk</source>
        <translation>关于 OsteoDesk</translation>
    </message>
    <message>
        <source>Version {version}, clinical rules {rules}</source>
        <translation>版本 {version}，临床规则 {rules}</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>OsteoDesk supports clinical decisions; it does not replace the clinician&apos;s judgement. Check every recommendation against the patient and current guidelines.</source>
        <translation>OsteoDesk 辅助临床决策，不能替代临床医生的判断。请结合患者具体情况和现行指南核对每一条建议。</translation>
    </message>
</context>
<context>
    <name>AssessmentTab</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Open a patient in the Patients tab to see and enter the assessment.</source>
        <translation>请先在“患者”页打开一位患者，再查看和录入评估资料。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the record (Ctrl+S)</source>
        <translation>保存病历（Ctrl+S）</translation>
    </message>
    <message>
        <source>Save record</source>
        <translation>保存病历</translation>
    </message>
    <message>
        <source>DXA</source>
        <translation>骨密度（DXA）</translation>
    </message>
    <message>
        <source>Labs</source>
        <translation>化验</translation>
    </message>
    <message>
        <source>FRAX</source>
        <translation>FRAX</translation>
    </message>
    <message>
        <source>Add measurement</source>
        <translation>添加测量</translation>
    </message>
    <message>
        <source>Remove measurement</source>
        <translation>删除测量</translation>
    </message>
    <message>
        <source>Add lab result</source>
        <translation>添加化验结果</translation>
    </message>
    <message>
        <source>Remove lab result</source>
        <translation>删除化验结果</translation>
    </message>
    <message>
        <source>Add FRAX result</source>
        <translation>添加 FRAX 结果</translation>
    </message>
    <message>
        <source>Remove FRAX result</source>
        <translation>删除 FRAX 结果</translation>
    </message>
    <message>
        <source>Units as on the lab report. Calcium and 25(OH)D outside the limits the rules use (clinical-rules A4) are shown in red; other tests have no reference range here.</source>
        <translation>单位按化验单填写。血钙和 25(OH)D 超出规则所用界值（临床规则 A4）时以红色显示；其他项目在此不设参考范围。</translation>
    </message>
    <message>
        <source>Type in the result of the official FRAX calculator; OsteoDesk never computes FRAX. The latest result is adjusted for glucocorticoid dose and the lumbar-spine offset (clinical-rules A2).</source>
        <translation>请录入官方 FRAX 计算器的结果；OsteoDesk 不计算 FRAX。最新一次结果按糖皮质激素剂量和腰椎差值进行校正（临床规则 A2）。</translation>
    </message>
    <message>
        <source>Adjusted FRAX (latest result)</source>
        <translation>校正后 FRAX（最新结果）</translation>
    </message>
    <message>
        <source>&amp;Framework:</source>
        <translation>指南框架(&amp;F)：</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Fracture-risk category</source>
        <translation>骨折风险分层</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>无提醒。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>仪器</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>T-score</source>
        <translation>T 值</translation>
    </message>
    <message>
        <source>Z-score</source>
        <translation>Z 值</translation>
    </message>
    <message>
        <source>BMD (g/cm²)</source>
        <translation>骨密度（g/cm²）</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>eGFR</source>
        <translation>eGFR</translation>
    </message>
    <message>
        <source>Creatinine</source>
        <translation>肌酐</translation>
    </message>
    <message>
        <source>Calcium (corrected)</source>
        <translation>血钙（校正）</translation>
    </message>
    <message>
        <source>25(OH) vitamin D</source>
        <translation>25 羟维生素 D</translation>
    </message>
    <message>
        <source>CTX</source>
        <translation>CTX</translation>
    </message>
    <message>
        <source>P1NP</source>
        <translation>P1NP</translation>
    </message>
    <message>
        <source>PTH</source>
        <translation>甲状旁腺激素（PTH）</translation>
    </message>
    <message>
        <source>ALP</source>
        <translation>碱性磷酸酶（ALP）</translation>
    </message>
    <message>
        <source>Phosphate</source>
        <translation>血磷</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Major osteoporotic %</source>
        <translation>主要骨质疏松性骨折 %</translation>
    </message>
    <message>
        <source>Hip %</source>
        <translation>髋部骨折 %</translation>
    </message>
    <message>
        <source>With BMD</source>
        <translation>含骨密度</translation>
    </message>
    <message>
        <source>Glucocorticoids ticked</source>
        <translation>勾选糖皮质激素</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>All changes saved</source>
        <translation>所有修改已保存</translation>
    </message>
    <message>
        <source>Some values are not valid (red cells; hover for the allowed range). They are not applied until corrected.</source>
        <translation>部分数值无效（红色单元格；鼠标悬停可查看允许范围）。更正之前不会生效。</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>{age} years</source>
        <translation>{age} 岁</translation>
    </message>
    <message>
        <source>China 2022</source>
        <translation>中国 2022</translation>
    </message>
    <message>
        <source>AACE/ACE 2020</source>
        <translation>AACE/ACE 2020</translation>
    </message>
    <message>
        <source>{weight} kg</source>
        <translation>体重 {weight} kg</translation>
    </message>
    <message>
        <source>weight unknown</source>
        <translation>体重未知</translation>
    </message>
    <message>
        <source>&lt;b&gt;OSTA&lt;/b&gt; {value} ({band}) = 0.2 × (weight {weight} − age {age})</source>
        <translation>&lt;b&gt;OSTA&lt;/b&gt; {value}（{band}）= 0.2 ×（{weight} − 年龄 {age}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;OST&lt;/b&gt; {value} ({band}), men: shown only (weight {weight}, age {age})</source>
        <translation>&lt;b&gt;OST&lt;/b&gt; {value}（{band}），男性仅供参考（{weight}，年龄 {age}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;OSTA&lt;/b&gt; not computed (needs weight)</source>
        <translation>&lt;b&gt;OSTA&lt;/b&gt; 未计算（需要体重）</translation>
    </message>
    <message>
        <source>, × 0.85 (female)</source>
        <translation>，× 0.85（女性）</translation>
    </message>
    <message>
        <source>&lt;b&gt;CrCl&lt;/b&gt; {value} mL/min (Cockcroft–Gault: creatinine {creatinine} {unit} of {date}, age {age}, {weight}{female})</source>
        <translation>&lt;b&gt;肌酐清除率&lt;/b&gt; {value} mL/min（Cockcroft–Gault：{date} 肌酐 {creatinine} {unit}，年龄 {age}，{weight}{female}）</translation>
    </message>
    <message>
        <source>&lt;b&gt;CrCl&lt;/b&gt; not computed (needs creatinine and weight)</source>
        <translation>&lt;b&gt;肌酐清除率&lt;/b&gt; 未计算（需要肌酐和体重）</translation>
    </message>
    <message>
        <source>&lt;b&gt;eGFR&lt;/b&gt; {value} mL/min/1.73 m² ({date})</source>
        <translation>&lt;b&gt;eGFR&lt;/b&gt; {value} mL/min/1.73 m²（{date}）</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>中</translation>
    </message>
    <message>
        <source>No FRAX result entered.</source>
        <translation>尚未录入 FRAX 结果。</translation>
    </message>
    <message>
        <source>Latest FRAX of {date}</source>
        <translation>最新 FRAX（{date}）</translation>
    </message>
    <message>
        <source>Major osteoporotic</source>
        <translation>主要骨质疏松性骨折</translation>
    </message>
    <message>
        <source>Hip</source>
        <translation>髋部骨折</translation>
    </message>
    <message>
        <source>{name}: typed {typed} % → adjusted &lt;b&gt;{value} %&lt;/b&gt;</source>
        <translation>{name}：录入 {typed} % → 校正后 &lt;b&gt;{value} %&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Adjustments: {list}</source>
        <translation>校正：{list}</translation>
    </message>
    <message>
        <source>No adjustment applies.</source>
        <translation>无需校正。</translation>
    </message>
</context>
<context>
    <name>AssessmentTableModel</name>
    <message>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
</context>
<context>
    <name>BiologicTableModel</name>
    <message>
        <source>Drug</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>OsteoDesk: unexpected error</source>
        <translation>OsteoDesk：意外错误</translation>
    </message>
    <message>
        <source>Something went wrong. Your data is safe and OsteoDesk keeps running. The report below contains no patient data; copy it and send it to your support contact.</source>
        <translation>出现了一个错误。您的数据是安全的，OsteoDesk 会继续运行。下面的报告不含任何患者数据；请复制后发送给技术支持人员。</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
</context>
<context>
    <name>DatabaseShell</name>
    <message>
        <source>Nothing was changed: the open patient has unsaved changes.</source>
        <translation>未做任何更改：当前患者有未保存的修改。</translation>
    </message>
    <message>
        <source>Converting the database and its automatic backups…</source>
        <translation>正在转换数据库及其自动备份…</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>This database is already open in another OsteoDesk window.</source>
        <translation>此数据库已在另一个 OsteoDesk 窗口中打开。</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backing up the database before closing…</source>
        <translation>正在关闭前备份数据库…</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Done on:</source>
        <translation>完成日期：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>The item is marked done; a DXA or a series test gets its next date.</source>
        <translation>此项标记为已完成；骨密度检查或系列化验将排出下一次日期。</translation>
    </message>
    <message>
        <source>A {drug} dose on this date is added to the treatment record; the next date follows from it.</source>
        <translation>将在治疗记录中添加该日的{drug}给药；下次日期据此顺延。</translation>
    </message>
</context>
<context>
    <name>DoseTableModel</name>
    <message>
        <source>Dose date</source>
        <translation>给药日期</translation>
    </message>
</context>
<context>
    <name>DxaTableModel</name>
    <message>
        <source>choose a site</source>
        <translation>请选择部位</translation>
    </message>
    <message>
        <source>this site is already in row {row}</source>
        <translation>该部位已在第 {row} 行</translation>
    </message>
    <message>
        <source>needs a T-score, Z-score or BMD</source>
        <translation>需要 T 值、Z 值或骨密度</translation>
    </message>
</context>
<context>
    <name>EvaluationModels</name>
    <message>
        <source>Reason</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>FractureTableModel</name>
    <message>
        <source>Site</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>性质</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>OsteoDesk (locked)</source>
        <translation>OsteoDesk（已锁定）</translation>
    </message>
    <message>
        <source>That is not the passphrase or PIN.</source>
        <translation>口令或锁定密码不正确。</translation>
    </message>
</context>
<context>
    <name>LabTableModel</name>
    <message>
        <source>Below {limit} {unit} (clinical-rules A4)</source>
        <translation>低于 {limit} {unit}（临床规则 A4）</translation>
    </message>
    <message>
        <source>Above {limit} {unit} (clinical-rules A4)</source>
        <translation>高于 {limit} {unit}（临床规则 A4）</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>OsteoDesk is locked</source>
        <translation>OsteoDesk 已锁定</translation>
    </message>
    <message>
        <source>Patient data is hidden. Type the passphrase (or lock PIN) to continue.</source>
        <translation>患者资料已隐藏。请输入口令（或锁定密码）以继续。</translation>
    </message>
    <message>
        <source>Passphrase or PIN</source>
        <translation>口令或锁定密码</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
</context>
<context>
    <name>LscDialog</name>
    <message>
        <source>Least significant change</source>
        <translation>最小有意义变化</translation>
    </message>
    <message>
        <source>The smallest BMD change (g/cm²) your centre can tell from measurement error: 2.77 × its precision error (ISCD). Changes larger than this between two scans at the same site are marked. 0 means not set.</source>
        <translation>本中心可与测量误差区分的最小骨密度变化（g/cm²）：2.77 × 精密度误差（ISCD）。同一部位两次扫描之间超过此值的变化会被标出。0 表示未设置。</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Backup written and verified: {path}</source>
        <translation>备份已写入并通过校验：{path}</translation>
    </message>
    <message>
        <source>Test restore</source>
        <translation>恢复测试</translation>
    </message>
    <message>
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New patient</source>
        <translation>新建患者(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Test restore</source>
        <translation>恢复测试(&amp;T)</translation>
    </message>
    <message>
        <source>Restore the latest automatic backup on trial and compare it with the database</source>
        <translation>试恢复最近一次自动备份，并与当前数据库比对</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find patient</source>
        <translation>查找患者(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Patients</source>
        <translation>患者(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Assessment</source>
        <translation>评估(&amp;A)</translation>
    </message>
    <message>
        <source>P&amp;lan</source>
        <translation>治疗方案(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>随访清单(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Drug reference</source>
        <translation>药物参考(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;About OsteoDesk</source>
        <translation>关于 OsteoDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Worklist ({count})</source>
        <translation>随访清单（{count}）</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>随访清单</translation>
    </message>
    <message>
        <source>{count} items overdue today</source>
        <translation>今日已逾期 {count} 项</translation>
    </message>
</context>
<context>
    <name>OsteoDesk</name>
    <message>
        <source>Backing up the database before updating it for this version…</source>
        <translation>正在备份数据库，然后为此版本更新数据库…</translation>
    </message>
    <message>
        <source>Wrong passphrase for {path}. Passphrases are case-sensitive; try again.</source>
        <translation>{path} 的口令不正确。口令区分大小写，请重试。</translation>
    </message>
    <message>
        <source>This database is already open in another OsteoDesk window:
{path}</source>
        <translation>此数据库已在另一个 OsteoDesk 窗口中打开：
{path}</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Encrypted database</source>
        <translation>加密的数据库</translation>
    </message>
    <message>
        <source>The database {path} is encrypted. Type its passphrase to open it.</source>
        <translation>数据库 {path} 已加密。请输入口令以打开。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
</context>
<context>
    <name>PatientDialogs</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The changes to {name} are not saved.</source>
        <translation>{name} 的更改尚未保存。</translation>
    </message>
    <message>
        <source>The new patient is not saved.</source>
        <translation>新患者尚未保存。</translation>
    </message>
    <message>
        <source>Save them before leaving?</source>
        <translation>离开前是否保存？</translation>
    </message>
    <message>
        <source>Delete patient</source>
        <translation>删除患者</translation>
    </message>
    <message>
        <source>Delete {name} and everything recorded about them?</source>
        <translation>删除 {name} 及其全部记录？</translation>
    </message>
    <message>
        <source>This cannot be undone; the audit log keeps a copy. To hide a patient, archive them.</source>
        <translation>此操作无法撤销；审计日志会保留一份副本。如只需隐藏患者，请改用归档。</translation>
    </message>
</context>
<context>
    <name>PatientForm</name>
    <message>
        <source>Another patient already has this clinic ID</source>
        <translation>该病历号已属于另一位患者</translation>
    </message>
    <message>
        <source>Save patient</source>
        <translation>保存患者</translation>
    </message>
    <message>
        <source>Age {age}</source>
        <translation>{age} 岁</translation>
    </message>
    <message>
        <source>BMI {bmi} kg/m²</source>
        <translation>BMI {bmi} kg/m²</translation>
    </message>
    <message>
        <source>BMI —</source>
        <translation>BMI —</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>新患者</translation>
    </message>
    <message>
        <source>Edit patient: {name} ({id})</source>
        <translation>编辑患者：{name}（{id}）</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 项</translation>
    </message>
    <message>
        <source>{table}, row {row}</source>
        <translation>{table}，第 {row} 行</translation>
    </message>
    <message>
        <source>Assessment data: {problem}</source>
        <translation>评估数据：{problem}</translation>
    </message>
    <message>
        <source>{product} contains {drug}</source>
        <translation>{product} 的成分是{drug}</translation>
    </message>
</context>
<context>
    <name>PatientFormView</name>
    <message>
        <source>← Patient list</source>
        <translation>← 患者列表</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>放弃更改(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Identity and contact</source>
        <translation>身份与联系方式</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>Clinic &amp;ID</source>
        <translation>病历号(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Handout &amp;language</source>
        <translation>宣教资料语言(&amp;L)</translation>
    </message>
    <message>
        <source>Sex, age and body</source>
        <translation>性别、年龄与体格</translation>
    </message>
    <message>
        <source>Se&amp;x</source>
        <translation>性别(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>出生日期(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Menopause</source>
        <translation>绝经状态(&amp;M)</translation>
    </message>
    <message>
        <source>Menopause &amp;year</source>
        <translation>绝经年份(&amp;Y)</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Premenopausal</source>
        <translation>绝经前</translation>
    </message>
    <message>
        <source>Perimenopausal</source>
        <translation>围绝经期</translation>
    </message>
    <message>
        <source>Postmenopausal</source>
        <translation>绝经后</translation>
    </message>
    <message>
        <source>&amp;Weight</source>
        <translation>体重(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Height</source>
        <translation>身高(&amp;H)</translation>
    </message>
    <message>
        <source>Falls and glucocorticoids</source>
        <translation>跌倒与糖皮质激素</translation>
    </message>
    <message>
        <source>&amp;Falls in the past year</source>
        <translation>过去一年跌倒次数(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Glucocorticoid course</source>
        <translation>糖皮质激素疗程(&amp;G)</translation>
    </message>
    <message>
        <source>Dose (prednisone equivalent)</source>
        <translation>剂量（泼尼松当量）</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>仍在使用</translation>
    </message>
    <message>
        <source>Allergies and intolerances</source>
        <translation>过敏与不耐受</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>疾病与状况</translation>
    </message>
    <message>
        <source>Fracture history</source>
        <translation>骨折史</translation>
    </message>
    <message>
        <source>Cardiovascular and thrombotic events</source>
        <translation>心血管与血栓事件</translation>
    </message>
    <message>
        <source>Osteoporosis treatment history</source>
        <translation>抗骨质疏松治疗史</translation>
    </message>
    <message>
        <source>Doses of the selected treatment</source>
        <translation>所选治疗的给药记录</translation>
    </message>
    <message>
        <source>Rheumatology drugs</source>
        <translation>风湿免疫用药</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>PatientListModel</name>
    <message>
        <source>Click to sort by this column</source>
        <translation>点击按此列排序</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Clinic ID</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>Lowest T-score</source>
        <translation>最低 T 值</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>骨折风险</translation>
    </message>
    <message>
        <source>Current treatment</source>
        <translation>当前治疗</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次到期</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>DXA of {date}</source>
        <translation>{date} 的骨密度检查</translation>
    </message>
    <message>
        <source>From the latest saved assessment</source>
        <translation>来自最近一次保存的评估</translation>
    </message>
</context>
<context>
    <name>PatientListView</name>
    <message>
        <source>Find: name, pinyin, initials, ID, phone or birth date (Ctrl+F)</source>
        <translation>查找：姓名、拼音、首字母、编号、电话或出生日期（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show &amp;archived</source>
        <translation>显示已归档(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New patient</source>
        <translation>新建患者(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Ed&amp;it</source>
        <translation>编辑(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
</context>
<context>
    <name>PatientsTab</name>
    <message>
        <source>{name} was archived.</source>
        <translation>已归档 {name}。</translation>
    </message>
    <message>
        <source>The best {count} matches: type more to narrow</source>
        <translation>最匹配的 {count} 位：请继续输入以缩小范围</translation>
    </message>
    <message>
        <source>Matches: {count}</source>
        <translation>匹配：{count}</translation>
    </message>
    <message>
        <source>Patients: {count}</source>
        <translation>患者：{count}</translation>
    </message>
    <message>
        <source>Unarchi&amp;ve</source>
        <translation>取消归档(&amp;V)</translation>
    </message>
    <message>
        <source>Archi&amp;ve</source>
        <translation>归档(&amp;V)</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF（*.pdf）</translation>
    </message>
</context>
<context>
    <name>PlanModels</name>
    <message>
        <source>{months} months</source>
        <translation>{months} 个月</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Test or review</source>
        <translation>检查或复查</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>避免原因</translation>
    </message>
    <message>
        <source>Open the drug reference</source>
        <translation>打开药物参考</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Regimen</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Reason for the choice</source>
        <translation>选择理由</translation>
    </message>
    <message>
        <source>active</source>
        <translation>执行中</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>superseded</source>
        <translation>已被替代</translation>
    </message>
    <message>
        <source>composed</source>
        <translation>自拟方案</translation>
    </message>
    <message>
        <source>option {rank}</source>
        <translation>方案 {rank}</translation>
    </message>
    <message>
        <source>months must be a whole number of 1 or more</source>
        <translation>月数必须是不小于 1 的整数</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>Open a patient first.</source>
        <translation>请先打开一位患者。</translation>
    </message>
    <message>
        <source>Choose an option or compose a regimen.</source>
        <translation>请选择一个方案或自拟方案。</translation>
    </message>
    <message>
        <source>Correct the red cells of the composed regimen.</source>
        <translation>请更正自拟方案中的红色单元格。</translation>
    </message>
    <message>
        <source>Add at least one step to the regimen.</source>
        <translation>方案至少需要一个步骤。</translation>
    </message>
    <message>
        <source>Give a reason for going ahead despite the warnings.</source>
        <translation>存在警示仍要继续时，请填写理由。</translation>
    </message>
    <message>
        <source>Give a reason: the choice is not the rank-1 option.</source>
        <translation>请填写理由：所选不是排名第一的方案。</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>保存治疗计划</translation>
    </message>
    <message>
        <source>Plan saved: {regimen}, starting {date}.</source>
        <translation>治疗计划已保存：{regimen}，自 {date} 开始。</translation>
    </message>
    <message>
        <source>Open a patient in the Patients tab to see the treatment options.</source>
        <translation>请先在“患者”页打开一位患者，再查看治疗方案。</translation>
    </message>
    <message>
        <source>Treatment options</source>
        <translation>治疗方案</translation>
    </message>
    <message>
        <source>No drug option now (see the alerts). You may still compose a regimen.</source>
        <translation>目前无药物方案（见提醒）。仍可自拟方案。</translation>
    </message>
    <message>
        <source>Compose another regimen</source>
        <translation>自拟其他方案</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加步骤</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>删除步骤</translation>
    </message>
    <message>
        <source>The plan</source>
        <translation>治疗计划</translation>
    </message>
    <message>
        <source>&amp;Start date:</source>
        <translation>开始日期(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Reason for the choice:</source>
        <translation>选择理由(&amp;R)：</translation>
    </message>
    <message>
        <source>Required when the choice is not the rank-1 option</source>
        <translation>所选不是排名第一的方案时必填</translation>
    </message>
    <message>
        <source>Save &amp;plan</source>
        <translation>保存计划(&amp;P)</translation>
    </message>
    <message>
        <source>Save the plan (Ctrl+S)</source>
        <translation>保存治疗计划（Ctrl+S）</translation>
    </message>
    <message>
        <source>&amp;Care plan PDF</source>
        <translation>诊疗计划 PDF(&amp;C)</translation>
    </message>
    <message>
        <source>Preview, save or print the care plan (Ctrl+P)</source>
        <translation>预览、保存或打印诊疗计划（Ctrl+P）</translation>
    </message>
    <message>
        <source>Patient &amp;handout</source>
        <translation>患者须知(&amp;H)</translation>
    </message>
    <message>
        <source>Preview, save or print the patient handout (Ctrl+Shift+P)</source>
        <translation>预览、保存或打印患者须知（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>无提醒。</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>随访监测</translation>
    </message>
    <message>
        <source>Supportive care and notes</source>
        <translation>基础措施与说明</translation>
    </message>
    <message>
        <source>Plan history</source>
        <translation>计划记录</translation>
    </message>
    <message>
        <source>Care plan PDF</source>
        <translation>诊疗计划 PDF</translation>
    </message>
    <message>
        <source>Patient handout</source>
        <translation>患者须知</translation>
    </message>
    <message>
        <source>Drug</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月数</translation>
    </message>
    <message>
        <source>Option 1 (recommended)</source>
        <translation>方案 1（推荐）</translation>
    </message>
    <message>
        <source>Option {rank}</source>
        <translation>方案 {rank}</translation>
    </message>
    <message>
        <source>months {first}–{last}</source>
        <translation>第 {first}–{last} 个月</translation>
    </message>
    <message>
        <source>{months} months</source>
        <translation>{months} 个月</translation>
    </message>
    <message>
        <source>from month {first}</source>
        <translation>自第 {first} 个月起</translation>
    </message>
    <message>
        <source>no fixed end</source>
        <translation>不设固定疗程</translation>
    </message>
    <message>
        <source>Supportive care (always)</source>
        <translation>基础措施（始终适用）</translation>
    </message>
    <message>
        <source>Rheumatology notes</source>
        <translation>风湿科说明</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>{age} years</source>
        <translation>{age} 岁</translation>
    </message>
    <message>
        <source>rules {version}</source>
        <translation>规则版本 {version}</translation>
    </message>
    <message>
        <source>Drugs to avoid ({count})</source>
        <translation>避免使用的药物（{count}）</translation>
    </message>
    <message>
        <source>No warnings: the regimen passes the safety checks.</source>
        <translation>无警示：该方案通过了安全检查。</translation>
    </message>
    <message>
        <source>Avoided now: {drugs}</source>
        <translation>目前应避免：{drugs}</translation>
    </message>
    <message>
        <source>Saving keeps the plan with this evaluation ({framework}, rules {version}).</source>
        <translation>保存时将计划与本次评估一并存档（{framework}，规则版本 {version}）。</translation>
    </message>
    <message>
        <source>&amp;Reason for the choice (required):</source>
        <translation>选择理由（必填）(&amp;R)：</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>正在生成文档…</translation>
    </message>
    <message>
        <source>Care plan</source>
        <translation>诊疗计划</translation>
    </message>
    <message>
        <source>Printout</source>
        <translation>打印文档</translation>
    </message>
    <message>
        <source>The document could not be made: {error}</source>
        <translation>无法生成文档：{error}</translation>
    </message>
</context>
<context>
    <name>ProblemHints</name>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Allowed: {low} to {high} {unit}</source>
        <translation>允许范围：{low} 至 {high} {unit}</translation>
    </message>
    <message>
        <source>Must not be after the end date ({date})</source>
        <translation>不得晚于结束日期（{date}）</translation>
    </message>
    <message>
        <source>Must not be after today ({date})</source>
        <translation>不得晚于今天（{date}）</translation>
    </message>
    <message>
        <source>Must not be before the start date ({date})</source>
        <translation>不得早于开始日期（{date}）</translation>
    </message>
    <message>
        <source>Must not be before the birth date ({date})</source>
        <translation>不得早于出生日期（{date}）</translation>
    </message>
    <message>
        <source>Must be on or after {date}</source>
        <translation>不得早于 {date}</translation>
    </message>
    <message>
        <source>At most {count} characters</source>
        <translation>最多 {count} 个字符</translation>
    </message>
    <message>
        <source>Choose one of the listed values</source>
        <translation>请从列表中选择</translation>
    </message>
    <message>
        <source>Type a whole number</source>
        <translation>请输入整数</translation>
    </message>
    <message>
        <source>Type a number</source>
        <translation>请输入数字</translation>
    </message>
    <message>
        <source>Type a date as {format}</source>
        <translation>请按 {format} 格式输入日期</translation>
    </message>
    <message>
        <source>Applies to women only</source>
        <translation>仅适用于女性</translation>
    </message>
    <message>
        <source>Must not start or end with spaces</source>
        <translation>开头和结尾不能有空格</translation>
    </message>
    <message>
        <source>Must not contain control characters</source>
        <translation>不能包含控制字符</translation>
    </message>
</context>
<context>
    <name>RecordCellDelegate</name>
    <message>
        <source>Not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>Fragility</source>
        <translation>脆性骨折</translation>
    </message>
    <message>
        <source>High trauma</source>
        <translation>高能量创伤</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>RecordTableModel</name>
    <message>
        <source>Fragility</source>
        <translation>脆性骨折</translation>
    </message>
    <message>
        <source>High trauma</source>
        <translation>高能量创伤</translation>
    </message>
</context>
<context>
    <name>ReferenceDialog</name>
    <message>
        <source>Drug reference</source>
        <translation>药物参考</translation>
    </message>
    <message>
        <source>Search drugs, classes and brand names</source>
        <translation>搜索药物、类别和商品名</translation>
    </message>
    <message>
        <source>&amp;Text language:</source>
        <translation>内容语言(&amp;T)：</translation>
    </message>
    <message>
        <source>Mechanism</source>
        <translation>作用机制</translation>
    </message>
    <message>
        <source>Dose and interval</source>
        <translation>剂量与给药间隔</translation>
    </message>
    <message>
        <source>Course limits</source>
        <translation>疗程限制</translation>
    </message>
    <message>
        <source>Main safety points</source>
        <translation>主要安全要点</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>监测</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Brand and biosimilar names</source>
        <translation>商品名与生物类似药</translation>
    </message>
    <message>
        <source>Drugs</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Choose a drug or class on the left.</source>
        <translation>请在左侧选择药物或类别。</translation>
    </message>
</context>
<context>
    <name>RegimenTimeline</name>
    <message>
        <source>then</source>
        <translation>然后</translation>
    </message>
</context>
<context>
    <name>RestoreTestJob</name>
    <message>
        <source>There is no automatic backup yet. OsteoDesk makes one each time the window closes; File &gt; Backup makes one now.</source>
        <translation>尚无自动备份。OsteoDesk 每次关闭窗口时会自动备份；也可用“文件 &gt; 备份”立即备份。</translation>
    </message>
    <message>
        <source>The latest backup, {file}, could NOT be restored: {reason}</source>
        <translation>最近一次备份 {file} 无法恢复：{reason}</translation>
    </message>
    <message>
        <source>It holds exactly what the database holds now.</source>
        <translation>其内容与当前数据库完全一致。</translation>
    </message>
    <message>
        <source>Since it was made: {added} patients added, {changed} changed and {gone} no longer in the database.</source>
        <translation>自备份以来：新增 {added} 位患者，{changed} 位有改动，{gone} 位已不在数据库中。</translation>
    </message>
    <message>
        <source>The latest backup, {file} of {date}, was restored on trial: it opens, passes the integrity check and holds {patients} patients. {since}</source>
        <translation>已试恢复最近一次备份 {file}（{date}）：可以打开，通过完整性检查，包含 {patients} 位患者。{since}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The passphrase needs at least {count} characters.</source>
        <translation>口令至少需要 {count} 个字符。</translation>
    </message>
    <message>
        <source>The two new passphrases are not the same.</source>
        <translation>两次输入的新口令不一致。</translation>
    </message>
    <message>
        <source>The database and its automatic backups are now encrypted. Keep the passphrase safe: without it nobody, not even support, can open them.</source>
        <translation>数据库及其自动备份现已加密。请妥善保管口令：没有口令，任何人（包括技术支持）都无法打开。</translation>
    </message>
    <message>
        <source>The passphrase was removed: the database is no longer encrypted.</source>
        <translation>口令已移除：数据库不再加密。</translation>
    </message>
    <message>
        <source>The lock PIN needs at least {count} characters.</source>
        <translation>锁定密码至少需要 {count} 个字符。</translation>
    </message>
    <message>
        <source>The two lock PINs are not the same.</source>
        <translation>两次输入的锁定密码不一致。</translation>
    </message>
    <message>
        <source>Set a lock PIN (or a database passphrase) to use the idle lock.</source>
        <translation>请先设置锁定密码（或数据库口令），才能使用闲置锁定。</translation>
    </message>
    <message>
        <source>The database is encrypted.</source>
        <translation>数据库已加密。</translation>
    </message>
    <message>
        <source>The database is not encrypted.</source>
        <translation>数据库未加密。</translation>
    </message>
    <message>
        <source>&amp;Change passphrase</source>
        <translation>更改口令(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Set passphrase</source>
        <translation>设置口令(&amp;S)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Database encryption</source>
        <translation>数据库加密</translation>
    </message>
    <message>
        <source>Current passphrase:</source>
        <translation>当前口令：</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>新口令：</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>&amp;Remove passphrase</source>
        <translation>移除口令(&amp;R)</translation>
    </message>
    <message>
        <source>Lock when idle</source>
        <translation>闲置时锁定</translation>
    </message>
    <message>
        <source>Hide patient data after some minutes without use. It is unlocked with the database passphrase, or with this lock PIN when the database is not encrypted.</source>
        <translation>若干分钟无操作后隐藏患者资料。用数据库口令解锁；数据库未加密时用此锁定密码解锁。</translation>
    </message>
    <message>
        <source>Lock after (minutes):</source>
        <translation>闲置多久后锁定（分钟）：</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Lock PIN:</source>
        <translation>锁定密码：</translation>
    </message>
    <message>
        <source>Repeat the PIN:</source>
        <translation>再次输入锁定密码：</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Hide until:</source>
        <translation>暂缓至：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>TreatmentTableModel</name>
    <message>
        <source>Drug</source>
        <translation>药物</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品名</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Planned stop</source>
        <translation>计划停药</translation>
    </message>
    <message>
        <source>Last dose</source>
        <translation>末次给药</translation>
    </message>
    <message>
        <source>Doses given</source>
        <translation>已给剂数</translation>
    </message>
    <message>
        <source>Dose dates</source>
        <translation>给药日期</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>T-score</source>
        <translation>T 值</translation>
    </message>
    <message>
        <source>BMD (g/cm²)</source>
        <translation>骨密度（g/cm²）</translation>
    </message>
    <message>
        <source>&amp;Plot:</source>
        <translation>图示(&amp;P)：</translation>
    </message>
    <message>
        <source>Least significant change…</source>
        <translation>最小有意义变化…</translation>
    </message>
    <message>
        <source>The trend chart appears when it is shown.</source>
        <translation>趋势图在显示时生成。</translation>
    </message>
    <message>
        <source>Rings: BMD change larger than the LSC ({sites} g/cm²)</source>
        <translation>圆圈：骨密度变化超过最小有意义变化（{sites} g/cm²）</translation>
    </message>
    <message>
        <source>No least significant change set: changes are not judged.</source>
        <translation>未设置最小有意义变化：不判断变化是否有意义。</translation>
    </message>
    <message>
        <source>Loss beyond LSC</source>
        <translation>下降超过 LSC</translation>
    </message>
    <message>
        <source>Gain beyond LSC</source>
        <translation>上升超过 LSC</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Clinic ID</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Updating the follow-up worklist for the current rules ({version})…</source>
        <translation>正在按当前规则（{version}）更新随访清单…</translation>
    </message>
</context>
<context>
    <name>WorklistTab</name>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Save or discard the open patient&apos;s changes first.</source>
        <translation>请先保存或放弃当前患者的修改。</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未能记录</translation>
    </message>
    <message>
        <source>Not snoozed</source>
        <translation>未能暂缓</translation>
    </message>
    <message>
        <source>Follow-up worklist, {date}: due within {days} days</source>
        <translation>随访清单（{date}）：{days} 天内到期</translation>
    </message>
    <message>
        <source>Export the worklist</source>
        <translation>导出随访清单</translation>
    </message>
    <message>
        <source>Save the patient&apos;s calendar</source>
        <translation>保存患者日程</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>{shown} items shown: {counts}</source>
        <translation>显示 {shown} 项：{counts}</translation>
    </message>
</context>
<context>
    <name>WorklistView</name>
    <message>
        <source>Due &amp;within:</source>
        <translation>到期范围(&amp;W)：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Show &amp;snoozed</source>
        <translation>显示已暂缓(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open patient</source>
        <translation>打开患者(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Done…</source>
        <translation>已完成(&amp;D)…</translation>
    </message>
    <message>
        <source>S&amp;nooze…</source>
        <translation>暂缓(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Patient &amp;calendar (.ics)…</source>
        <translation>患者日程(&amp;C)（.ics）…</translation>
    </message>
    <message>
        <source>Save the selected patient&apos;s schedule as a calendar file for a phone</source>
        <translation>将所选患者的随访日程保存为可导入手机的日历文件</translation>
    </message>
</context>
</TS>
