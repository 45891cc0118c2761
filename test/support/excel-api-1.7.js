process.env.JIXIAO_EXCEL_API = "1.7";
