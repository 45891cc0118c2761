console.log("jixiao");
