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
        <source>The assessment of the selected patient will appear here.</source>
        <translation>所选患者的评估将显示在这里。</translation>
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
    <name>MainWindow</name>
    <message>
        <source>Backup written and verified: {path}</source>
        <translation>备份已写入并通过校验：{path}</translation>
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
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Back up the database</source>
        <translation>备份数据库</translation>
    </message>
</context>
<context>
    <name>OsteoDesk</name>
    <message>
        <source>This database is already open in another OsteoDesk window:
{path}</source>
        <translation>此数据库已在另一个 OsteoDesk 窗口中打开：
{path}</translation>
    </message>
</context>
<context>
    <name>PatientsTab</name>
    <message>
        <source>The patient list will appear here.</source>
        <translation>患者列表将显示在这里。</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>The treatment plan of the selected patient will appear here.</source>
        <translation>所选患者的治疗方案将显示在这里。</translation>
    </message>
</context>
<context>
    <name>_Shell</name>
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
</context>
</TS>
